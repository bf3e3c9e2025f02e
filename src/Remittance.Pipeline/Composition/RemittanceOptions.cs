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

    /// <summary>Executions a remittance may have before it leaves the retry index, unless a deployment says otherwise.</summary>
    public const int DefaultRetryThreshold = 3;

    /// <summary>The notification rules and templates (rules.json, templates.json, templates/), loaded and validated at start-up.</summary>
    public string? NotificationCatalogDirectory { get; init; }

    /// <summary>Which use of the tracked-workflow pattern this deployment is; the service catalog resolves the name.</summary>
    public string? Service { get; init; }

    /// <summary>Executions a remittance may have before it leaves the retry index for the failed index.</summary>
    public int RetryThreshold { get; init; } = DefaultRetryThreshold;

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

    /// <summary>
    /// Reads the settings a function was deployed with. A value that is set but cannot be parsed is an error naming the
    /// variable (never a silent default): every such problem is reported at once in an <see cref="OptionsException"/>.
    /// </summary>
    public static RemittanceOptions FromEnvironment(Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(variable);
        var problems = new List<string>();
        string? Text(string name) => string.IsNullOrWhiteSpace(variable(name)) ? null : variable(name)!.Trim();

        int Integer(string name, int fallback)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add($"{name} must be a whole number (was '{text}').");
            return fallback;
        }

        double Number(string name, double fallback)
        {
            if (Text(name) is not { } text)
            {
                return fallback;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
            {
                return value;
            }

            problems.Add($"{name} must be a number (was '{text}').");
            return fallback;
        }

        var level = LogLevel.Info;
        if (Text(LogLevelVariable) is { } levelText
            && (!Enum.TryParse(levelText, ignoreCase: true, out level) || !Enum.IsDefined(level) || int.TryParse(levelText, out _)))
        {
            problems.Add($"{LogLevelVariable} must be one of {string.Join(", ", Enum.GetNames<LogLevel>())} (was '{levelText}').");
            level = LogLevel.Info;
        }

        var options = new RemittanceOptions
        {
            TableName = Text(TableNameVariable),
            StateMachineArn = Text(StateMachineArnVariable),
            Region = Text("AWS_REGION") ?? Text("AWS_DEFAULT_REGION") ?? "us-east-1",
            DynamoDbServiceUrl = Text(DynamoDbEndpointVariable),
            StepFunctionsServiceUrl = Text(StepFunctionsEndpointVariable),
            SnsServiceUrl = Text(SnsEndpointVariable),
            Concurrency = Integer(ConcurrencyVariable, 10),
            LogLevel = level,
            Service = Text(ServiceVariable),
            RetryThreshold = Integer(RetryThresholdVariable, DefaultRetryThreshold),
            StartRatePerSecond = Number(StartRatePerSecondVariable, 50),
            StartBurst = Integer(StartBurstVariable, 100),
            InvoicesTableName = Text(InvoicesTableVariable),
            TopicArn = Text(TopicArnVariable),
            NotificationCatalogDirectory = Text(NotificationCatalogVariable),
        };
        return problems.Count > 0 ? throw new OptionsException(problems) : options;
    }

    /// <summary>The value of a setting by its environment variable name (null when unset or not a text setting).</summary>
    public string? Value(string variable) => variable switch
    {
        TableNameVariable => TableName,
        StateMachineArnVariable => StateMachineArn,
        ServiceVariable => Service,
        InvoicesTableVariable => InvoicesTableName,
        TopicArnVariable => TopicArn,
        NotificationCatalogVariable => NotificationCatalogDirectory,
        _ => throw new ArgumentOutOfRangeException(nameof(variable), variable, "Not a text setting of the functions."),
    };

    /// <summary>
    /// Problems that would make the given function of <paramref name="service"/> fail later, each stated as what to set
    /// (without a service, only the pipeline's own settings are checked).
    /// </summary>
    public IReadOnlyList<string> Validate(FunctionName function, ServiceProfile? service)
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

        foreach (var setting in service?.RequiredSettings.Where(s => s.Function == function) ?? [])
        {
            if (string.IsNullOrWhiteSpace(Value(setting.Variable)))
            {
                problems.Add($"{setting.Variable} is not set: {setting.Purpose}");
            }
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
