namespace Remittance.Local.Lambda;

/// <summary>
/// A function the local host depends on failed where no retry can help (it could not initialise, or the status
/// function and the sweeper kept failing): the run stops and says which function and why.
/// </summary>
public sealed class FunctionFailedException(string message) : Exception(message);
