namespace Remittance.Local.Run;

/// <param name="Settled">Messages acknowledged or dead-lettered so far.</param>
/// <param name="Total">Messages in the input.</param>
/// <param name="Phase">What the run is doing.</param>
public sealed record LocalRunProgress(int Settled, int Total, string Phase);
