namespace Remittance.Cost.Metering;

/// <summary>
/// A state entered by a Standard execution, which Step Functions bills as one state transition; every retry of the
/// state is another (<see cref="Attempt"/> &gt; 1).
/// </summary>
public sealed record StateTransition(CallSite Run, string ExecutionName, string State, StateKind Kind, int Attempt);
