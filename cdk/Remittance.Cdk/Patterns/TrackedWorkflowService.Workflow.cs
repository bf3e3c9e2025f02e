using Amazon.CDK;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.CDK.AWS.Events;
using LambdaFunction = Amazon.CDK.AWS.Events.Targets.LambdaFunction;
using LambdaFunctionProps = Amazon.CDK.AWS.Events.Targets.LambdaFunctionProps;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Lambda;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.StepFunctions;
using Remittance.Aws.Lambda.CloudWatchEvents.StepFunctionsEvents;
using Remittance.Cdk.Security;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Sweeping;
using Remittance.Pipeline.Tracking;
using Remittance.Workflows.Asl;
using PublishState = Remittance.Workflows.Definition.PublishState;
using SfnLogLevel = Amazon.CDK.AWS.StepFunctions.LogLevel;

namespace Remittance.Cdk.Patterns;

public sealed partial class TrackedWorkflowService
{
    public const int StatusTargetRetryAttempts = 8;

    public static readonly Duration StatusTargetMaxEventAge = Duration.Hours(6);

    private StateMachine CreateStateMachine()
    {
        var workflow = _functions[FunctionName.Workflow];
        var logGroup = new LogGroup(this, "StateMachineLogs", new LogGroupProps
        {
            // The vendedlogs prefix keeps Step Functions from growing the account's CloudWatch Logs resource policy.
            LogGroupName = $"/aws/vendedlogs/states/{Prefix}",
            Retention = FunctionSizing.LogRetention,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var role = new Role(this, "StateMachineRole", new RoleProps
        {
            AssumedBy = new ServicePrincipal("states.amazonaws.com"),
            Description = $"Remittance {ServiceName} state machine",
        });
        role.AddToPolicy(Statements.Allow(["lambda:InvokeFunction"], workflow.FunctionArn));
        // Only the topics its publish states use; a topic the function publishes to is the function's to use.
        var stateTopics = Workflow.States.OfType<PublishState>().Select(p => Topics[p.Topic].TopicArn).Distinct().ToArray();
        if (stateTopics.Length > 0)
        {
            role.AddToPolicy(Statements.Allow(["sns:Publish"], stateTopics));
        }

        role.AddToPolicy(Statements.Allow(["dynamodb:UpdateItem"], Table.TableArn));
        role.AddToPolicy(stateTopics.Length > 0 ? Statements.UseKey(Key, KmsActions.TableWrite, KmsActions.Produce) : Statements.UseKey(Key, KmsActions.TableWrite));

        return new StateMachine(this, "StateMachine", new StateMachineProps
        {
            StateMachineType = StateMachineType.STANDARD,
            Comment = Workflow.Comment,
            DefinitionBody = DefinitionBody.FromString(AslWriter.Write(Workflow)),
            DefinitionSubstitutions = Substitutions(),
            Role = role,
            // Errors only, and without execution data: inputs carry payee details, which logs never hold.
            Logs = new LogOptions { Destination = logGroup, Level = SfnLogLevel.ERROR, IncludeExecutionData = false },
            TracingEnabled = false,
        });
    }

    /// <summary>
    /// A value for every placeholder the workflow's ASL uses. A placeholder this app does not know fails the synth:
    /// deploying a definition with an unresolved <c>${…}</c> would only fail at run time.
    /// </summary>
    private Dictionary<string, string> Substitutions()
    {
        var topics = Topics.ToDictionary(t => AslPlaceholders.TopicArn(t.Key), t => t.Value.TopicArn, StringComparer.Ordinal);
        return AslPlaceholders.For(Workflow).ToDictionary(p => p, placeholder => placeholder switch
        {
            AslPlaceholders.WorkflowFunctionArn => _functions[FunctionName.Workflow].FunctionArn,
            AslPlaceholders.TableName => Table.TableName,
            _ when topics.TryGetValue(placeholder, out var topicArn) => topicArn,
            _ => throw new NotSupportedException(
                $"The {ServiceName} workflow refers to ${{{placeholder}}}, which the CDK app does not provide: add it to TrackedWorkflowService.Substitutions."),
        }, StringComparer.Ordinal);
    }

    /// <summary>All executions of this state machine (the sweeper describes and re-drives them).</summary>
    private string ExecutionsArn => Stack.FormatArn(new ArnComponents
    {
        Service = "states",
        Resource = "execution",
        ResourceName = $"{StateMachine.StateMachineName}:*",
        ArnFormat = ArnFormat.COLON_RESOURCE_NAME,
    });

    private string StatusRuleName => $"{Prefix}-run-ended";

    private Rule CreateStatusRule()
    {
        // EventBridge writes undeliverable events to the encrypted dead-letter queue itself: let it use the key for
        // this rule only (named, so the key policy need not depend on the rule).
        Key.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "EventBridgeMayDeadLetterStatusEvents",
            Effect = Effect.ALLOW,
            Principals = [new ServicePrincipal("events.amazonaws.com")],
            Actions = KmsActions.Produce,
            Resources = ["*"],
            Conditions = new Dictionary<string, object>
            {
                ["ArnEquals"] = new Dictionary<string, object>
                {
                    ["aws:SourceArn"] = Stack.FormatArn(new ArnComponents
                    {
                        Service = "events",
                        Resource = "rule",
                        ResourceName = StatusRuleName,
                        ArnFormat = ArnFormat.SLASH_RESOURCE_NAME,
                    }),
                },
            },
        }));

        // EventBridge invokes the function asynchronously, and its dead-letter queue only catches events it could not
        // hand to Lambda. An event the function itself fails on (it throws when it cannot record the failure) is
        // retried by Lambda and then goes to the same queue, instead of being dropped after the retries.
        _functions[FunctionName.Status].ConfigureAsyncInvoke(new EventInvokeConfigOptions
        {
            RetryAttempts = 2,
            MaxEventAge = StatusTargetMaxEventAge,
            OnFailure = new QueueDestination(StatusDeadLetterQueue, Key),
        });

        return new Rule(this, "StatusRule", new RuleProps
        {
            RuleName = StatusRuleName,
            Description = $"Remittance {ServiceName}: executions that failed, timed out or were aborted -> status function",
            EventPattern = new EventPattern
            {
                Source = [StepFunctionsExecutionStatusChangeEvent.EventSource],
                DetailType = [StepFunctionsExecutionStatusChangeEvent.EventDetailType],
                Detail = new Dictionary<string, object>
                {
                    ["status"] = ExecutionStatuses.Failures.Select(status => status.Value).ToArray(),
                    ["stateMachineArn"] = new[] { StateMachine.StateMachineArn },
                },
            },
            Targets =
            [
                new LambdaFunction(_functions[FunctionName.Status], new LambdaFunctionProps
                {
                    DeadLetterQueue = StatusDeadLetterQueue,
                    RetryAttempts = StatusTargetRetryAttempts,
                    MaxEventAge = StatusTargetMaxEventAge,
                }),
            ],
        });
    }

    /// <summary>
    /// What every scheduled sweep does: re-drive the retry index and also reconcile re-driven runs whose item has not
    /// changed for twice the state machine's own timeout (a run cannot legitimately be quiet that long).
    /// </summary>
    public SweepRequest ScheduledSweep => new() { StuckAfterMinutes = Math.Max(30, 2 * Workflow.TimeoutSeconds / 60) };

    private Rule CreateSweeperSchedule() => new(this, "SweeperSchedule", new RuleProps
    {
        Description = $"Remittance {ServiceName}: sweep every {_props.SweeperScheduleMinutes} minutes",
        Schedule = Schedule.Rate(Duration.Minutes(_props.SweeperScheduleMinutes)),
        Targets =
        [
            // A missed sweep is made up by the next one: retry briefly, never pile up stale sweeps.
            new LambdaFunction(_functions[FunctionName.Sweeper], new LambdaFunctionProps
            {
                RetryAttempts = 2,
                MaxEventAge = Duration.Minutes(Math.Max(1, _props.SweeperScheduleMinutes - 1)),
                // The request is written by the sweeper's own serializer, so it is always one the sweeper accepts.
                Event = RuleTargetInput.FromObject(JsonValues.ToObject(
                    JsonNode.Parse(JsonSerializer.Serialize(ScheduledSweep, SweepJsonContext.Default.SweepRequest)))),
            }),
        ],
    });
}
