namespace Remittance.Pipeline.Observability;

public enum LogLevel
{
    Debug,
    Info,
    Warn,
    Error,
    None,
}
