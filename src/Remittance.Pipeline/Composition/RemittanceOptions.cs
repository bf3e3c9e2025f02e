using System.Globalization;
using Remittance.Pipeline.Observability;

namespace Remittance.Pipeline.Composition;

/// <summary>
/// Everything a function needs to know about its deployment. In Lambda it comes from environment variables set by
/// the CDK app; locally the CLI fills it in.
/// </summary>
public sealed record RemittanceOptions
{
    public const string TableNameVariable = "REMITTANCE_TABLE_NAME";
    public const string StateMachineArnVariable = "REMITTANCE_STATE_MACHINE_ARN";
    public const string DynamoDbEndpointVariable = "REMITTANCE_DYNAMODB_ENDPOINT";
    public const string StepFunctionsEndpointVariable = "REMITTANCE_STEPFUNCTIONS_ENDPOINT";
    public const string SnsEndpointVariable = "REMITTANCE_SNS_ENDPOINT";
    public const string ConcurrencyVariable = "REMITTANCE_CONCURRENCY";
    public const string LogLevelVariable = "REMITTANCE_LOG_LEVEL";
    public const string RetryThresholdVariable = "REMITTANCE_RETRY_THRESHOLD";
    public const string StartRatePerSecondVariable = "REMITTANCE_START_RATE_PER_SECOND";
    public const string StartBurstVariable = "REMITTANCE_START_BURST";
    public const string InvoicesTableVariable = "REMITTANCE_INVOICES_TABLE_NAME";
    public const string TopicArnVariable = "REMITTANCE_TOPIC_ARN";
    public const string ServiceVariable = "REMITTANCE_SERVICE";
    public const string NotificationCatalogVariable = "REMITTANCE_NOTIFICATION_CATALOG_DIR";

    /// <summary>The notification rules and templates (rules.json, templates.json, templates/), loaded and validated at start-up.</summary>
    public string? NotificationCatalogDirectory { get; init; }

    /// <summary>Which use of the tracked-workflow pattern this deployment is: enrichment or notification.</summary>
    public string Service { get; init; } = "enrichment";

    /// <summary>Executions a remittance may have before it leaves the retry index for the failed index.</summary>
    public int RetryThreshold { get; init; } = 3;

    /// <summary>Sustained StartExecution/RedriveExecution calls per second the sweeper may make (token bucket refill).</summary>
    public double StartRatePerSecond { get; init; } = 50;

    /// <summary>Token bucket size for the sweeper's start calls.</summary>
    public int StartBurst { get; init; } = 100;

    /// <summary>The enrichment service's Invoices table.</summary>
    public string? InvoicesTableName { get; init; }

    /// <summary>The topic the workflow function's publish step publishes to (the enrichment service's enriched topic).</summary>
    public string? TopicArn { get; init; }

    public string? TableName { get; init; }

    public string? StateMachineArn { get; init; }

    public string Region { get; init; } = "us-east-1";

    /// <summary>Overrides the DynamoDB endpoint (DynamoDB Local); null means the region's endpoint.</summary>
    public string? DynamoDbServiceUrl { get; init; }

    /// <summary>Overrides the Step Functions endpoint (a local stand-in); null means the region's endpoint.</summary>
    public string? StepFunctionsServiceUrl { get; init; }

    /// <summary>Overrides the SNS endpoint (a local stand-in); null means the region's endpoint.</summary>
    public string? SnsServiceUrl { get; init; }

    /// <summary>How many records of one batch are written or started at once.</summary>
    public int Concurrency { get; init; } = 10;

    public LogLevel LogLevel { get; init; } = LogLevel.Info;

    public static RemittanceOptions FromEnvironment(Func<string, string?> variable) => new()
    {
        TableName = variable(TableNameVariable),
        StateMachineArn = variable(StateMachineArnVariable),
        Region = variable("AWS_REGION") ?? variable("AWS_DEFAULT_REGION") ?? "us-east-1",
        DynamoDbServiceUrl = variable(DynamoDbEndpointVariable),
        StepFunctionsServiceUrl = variable(StepFunctionsEndpointVariable),
        SnsServiceUrl = variable(SnsEndpointVariable),
        Concurrency = int.TryParse(variable(ConcurrencyVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 10,
        LogLevel = Enum.TryParse<LogLevel>(variable(LogLevelVariable), ignoreCase: true, out var level) ? level : LogLevel.Info,
        Service = variable(ServiceVariable) ?? "enrichment",
        RetryThreshold = int.TryParse(variable(RetryThresholdVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var t) ? t : 3,
        StartRatePerSecond = double.TryParse(variable(StartRatePerSecondVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var r) ? r : 50,
        StartBurst = int.TryParse(variable(StartBurstVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var b) ? b : 100,
        InvoicesTableName = variable(InvoicesTableVariable),
        TopicArn = variable(TopicArnVariable),
        NotificationCatalogDirectory = variable(NotificationCatalogVariable),
    };

    /// <summary>Problems that would make the given function fail later, each stated as what to set.</summary>
    public IReadOnlyList<string> Validate(FunctionName function)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(TableName))
        {
            problems.Add($"{TableNameVariable} is not set: the remittance table's name is required.");
        }

        if (function is FunctionName.Stream or FunctionName.Sweeper && string.IsNullOrWhiteSpace(StateMachineArn))
        {
            problems.Add($"{StateMachineArnVariable} is not set: the {function.ToString().ToLowerInvariant()} function starts executions of that state machine.");
        }

        if (Service is not ("enrichment" or "notification"))
        {
            problems.Add($"{ServiceVariable} must be enrichment or notification (was '{Service}').");
        }

        if (function == FunctionName.Workflow && Service == "enrichment" && string.IsNullOrWhiteSpace(InvoicesTableName))
        {
            problems.Add($"{InvoicesTableVariable} is not set: the enrichment workflow looks invoices up in that table.");
        }

        if (function == FunctionName.Workflow && Service == "notification" && string.IsNullOrWhiteSpace(NotificationCatalogDirectory))
        {
            problems.Add($"{NotificationCatalogVariable} is not set: the notification workflow chooses templates from that catalog.");
        }

        if (RetryThreshold is < 1 or > 100)
        {
            problems.Add($"{RetryThresholdVariable} must be between 1 and 100 (was {RetryThreshold}).");
        }

        if (StartRatePerSecond is <= 0 or > 10_000 || StartBurst is < 1 or > 10_000)
        {
            problems.Add($"{StartRatePerSecondVariable} must be in (0, 10000] and {StartBurstVariable} in [1, 10000].");
        }

        if (Concurrency is < 1 or > 100)
        {
            problems.Add($"{ConcurrencyVariable} must be between 1 and 100 (was {Concurrency}).");
        }

        foreach (var (name, url) in (ReadOnlySpan<(string, string?)>)[(DynamoDbEndpointVariable, DynamoDbServiceUrl), (StepFunctionsEndpointVariable, StepFunctionsServiceUrl), (SnsEndpointVariable, SnsServiceUrl)])
        {
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                problems.Add($"{name} must be an absolute URL (was '{url}').");
            }
        }

        return problems;
    }
}
