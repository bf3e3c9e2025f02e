namespace Remittance.Local.Run;

public sealed record ReasonEntry(string Field, string Code, string Message);
