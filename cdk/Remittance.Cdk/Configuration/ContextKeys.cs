namespace Remittance.Cdk.Configuration;

/// <summary>The CDK context keys this app reads (cdk.json "context", or <c>-c key=value</c> on the CLI).</summary>
public static class ContextKeys
{
    public const string Stage = "stage";
    public const string PartnerAccountIds = "partnerAccountIds";
    public const string RetryThreshold = "retryThreshold";
    public const string SweeperScheduleMinutes = "sweeperScheduleMinutes";
    public const string AlarmEmail = "alarmEmail";
    public const string FunctionsPublishDir = "functionsPublishDir";
    public const string RetainData = "retainData";
    public const string NotificationCatalogDir = "notificationCatalogDir";

    /// <summary>Environment variable that may name a pre-published functions folder when the context does not.</summary>
    public const string FunctionsPublishDirVariable = "REMITTANCE_FUNCTIONS_PUBLISH_DIR";
}
