namespace Remittance.Cost.Metering;

/// <summary>One invocation of a function (or one state machine run) of one service; every metered call names its site.</summary>
public sealed record CallSite(string Service, MeteredFunction Function, long Invocation);
