namespace Remittance.Local.RuntimeApi;

/// <summary>How a local invocation ended.</summary>
public enum LocalInvocationStatus
{
    /// <summary>The runtime posted a response.</summary>
    Succeeded,

    /// <summary>The runtime posted an invocation error.</summary>
    Failed,

    /// <summary>The runtime posted an initialisation error before answering.</summary>
    InitFailed,

    /// <summary>Nothing was posted by the deadline (plus grace).</summary>
    TimedOut,
}
