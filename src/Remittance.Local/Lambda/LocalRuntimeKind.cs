namespace Remittance.Local.Lambda;

/// <summary>How the local host runs the functions (<c>--runtime</c>).</summary>
public enum LocalRuntimeKind
{
    /// <summary>In this process, built by the binary's own composition root from the same environment (fast).</summary>
    InProcess,

    /// <summary>The published <c>bootstrap</c>, one warm process per function instance, fed through the Runtime API.</summary>
    Process,
}
