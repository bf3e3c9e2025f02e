namespace Remittance.Pipeline.Tracking;

/// <summary>
/// Names inside the <see cref="Schema.ItemAttributes.LastError"/> map. <see cref="Storage.LastError"/> writes the first
/// three; failure tracking adds which execution (and which of its redrives) failed, so a failure delivered twice is
/// recognised and never counted twice.
/// </summary>
public static class LastErrorFields
{
    public const string Error = "error";
    public const string Cause = "cause";
    public const string At = "at";
    public const string ExecutionName = "executionName";
    public const string RedriveCount = "redriveCount";
}
