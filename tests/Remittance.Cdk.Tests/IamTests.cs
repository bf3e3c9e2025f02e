using Amazon.CDK;
using Remittance.Cdk.Operations;
using Remittance.Cdk.Tests.Support;
using Remittance.Pipeline.Composition;
using Remittance.Pipeline.Schema;

namespace Remittance.Cdk.Tests;

/// <summary>Least privilege, read from the template: named actions on named resources, and nothing else.</summary>
[Collection(SynthCollection.Name)]
public sealed class IamTests(SynthesizedApp app)
{
    /// <summary>
    /// The only actions allowed on Resource "*" in an IAM policy, each because AWS accepts nothing narrower for it.
    /// </summary>
    private static readonly Dictionary<string, string> s_starResourceActions = new()
    {
        ["dynamodb:ListStreams"] = "has no resource type; Lambda's stream poller needs it (added by CDK's stream source)",
        ["logs:CreateLogDelivery"] = "Step Functions logging: the vended-log delivery APIs have no resource-level permissions",
        ["logs:GetLogDelivery"] = "Step Functions logging, as above",
        ["logs:UpdateLogDelivery"] = "Step Functions logging, as above",
        ["logs:DeleteLogDelivery"] = "Step Functions logging, as above",
        ["logs:ListLogDeliveries"] = "Step Functions logging, as above",
        ["logs:PutResourcePolicy"] = "Step Functions logging: lets the delivery write to the log group",
        ["logs:DescribeResourcePolicies"] = "Step Functions logging, as above",
        ["logs:DescribeLogGroups"] = "Step Functions logging, as above",
    };

    private static readonly string[] s_logs = ["logs:CreateLogStream", "logs:PutLogEvents"];
    private static readonly string[] s_tableKms = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"];

    private static bool IsIamPolicy(PolicyStatementJson s) => s.Owner.Type is "AWS::IAM::Policy" or "AWS::IAM::Role" or "AWS::IAM::ManagedPolicy";

    [Fact]
    public void NoAllowStatement_AnywhereInTheTemplate_HasAWildcardAction()
    {
        var offenders = app.Main.Template.Statements()
            .Where(s => s.IsAllow && s.Actions.Any(a => a.Contains('*', StringComparison.Ordinal)))
            // The key policy's account-root statement (CDK's and AWS's default): the account administers its own key,
            // and it is what lets IAM policies grant the key's use at all. Its principal is this account only.
            .Where(s => !(s.Owner.Type == "AWS::KMS::Key" && MessagingTests.IsAccountRootAdmin(s) && IsThisAccountsRoot(s)))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void IamPolicies_UseResourceStar_OnlyForActionsThatHaveNoResourceType()
    {
        var starred = app.Main.Template.Statements().Where(s => IsIamPolicy(s) && s.HasStarResource).ToList();

        Assert.NotEmpty(starred);
        Assert.All(starred, s => Assert.All(s.Actions, a => Assert.True(s_starResourceActions.ContainsKey(a), $"{a} on \"*\" in {s}")));
        Assert.DoesNotContain(starred, s => s.Actions.Contains("cloudwatch:PutMetricData"));
    }

    [Fact]
    public void QueueAndTopicPolicies_NameTheirOwnResource()
    {
        var statements = app.Main.Template.Statements().Where(s => s.Owner.Type is "AWS::SQS::QueuePolicy" or "AWS::SNS::TopicPolicy").ToList();

        Assert.NotEmpty(statements);
        Assert.All(statements, s => Assert.False(s.HasStarResource, s.ToString()));
    }

    [Fact]
    public void Roles_HaveNoManagedPolicies_AndTrustOnlyTheirService()
    {
        var roles = app.Main.Template.OfType("AWS::IAM::Role").ToList();

        Assert.Equal(12, roles.Count);
        Assert.All(roles, role =>
        {
            Assert.Null(role.Properties["ManagedPolicyArns"]);
            var trust = Assert.Single(role.Properties["AssumeRolePolicyDocument"]!["Statement"]!.AsArray())!;
            Assert.Equal("sts:AssumeRole", trust["Action"]!.GetValue<string>());
            Assert.Contains(trust["Principal"]!["Service"]!.GetValue<string>(), new[] { "lambda.amazonaws.com", "states.amazonaws.com" });
        });
    }

    public static TheoryData<string, FunctionName> ServiceFunctions() => FunctionTests.ServiceFunctions();

    [Theory]
    [MemberData(nameof(ServiceFunctions))]
    public void FunctionRole_AllowsExactlyTheActionsTheFunctionUses(string service, FunctionName function)
    {
        string[] expected = function switch
        {
            FunctionName.Ingest =>
            [
                .. s_logs, .. s_tableKms, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem",
                "sqs:ChangeMessageVisibility", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ReceiveMessage",
            ],
            FunctionName.Stream =>
            [
                .. s_logs, .. s_tableKms, "dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
                "dynamodb:UpdateItem", "sqs:SendMessage", "states:StartExecution",
            ],
            FunctionName.Workflow when service == "enrichment" =>
                [.. s_logs, "dynamodb:BatchGetItem", "dynamodb:GetItem", "kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey", "sns:Publish"],
            FunctionName.Workflow => [.. s_logs, "dynamodb:GetItem", "kms:Decrypt", "kms:DescribeKey"],
            FunctionName.Status => [.. s_logs, .. s_tableKms, "dynamodb:GetItem", "dynamodb:UpdateItem", "sqs:SendMessage", "states:DescribeExecution"],
            FunctionName.Sweeper =>
            [
                .. s_logs, .. s_tableKms, "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:UpdateItem",
                "states:DescribeExecution", "states:RedriveExecution", "states:StartExecution",
            ],
            _ => throw new ArgumentOutOfRangeException(nameof(function)),
        };

        var allowed = FunctionStatements(service, function).Where(s => s.IsAllow).SelectMany(s => s.Actions).Distinct().Order();
        Assert.Equal(expected.Order(), allowed);
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void SweeperRole_ScansOnlyTheSparseIndexes_AndRedrivesOnlyThisStateMachinesExecutions(string service)
    {
        var pattern = app.Service(service);
        var statements = FunctionStatements(service, FunctionName.Sweeper).ToList();

        var query = Assert.Single(statements, s => s.Actions.Contains("dynamodb:Scan"));
        var indexes = query.Resources.Select(r => r.ToJsonString()).ToList();
        Assert.Equal(RemittanceTableSchema.SparseIndexes.Count, indexes.Count);
        Assert.All(RemittanceTableSchema.SparseIndexes, index => Assert.Single(indexes, r => r.Contains($"/index/{index.IndexName}\"", StringComparison.Ordinal)));
        Assert.All(query.Resources, r => Assert.Equal(app.LogicalId(pattern.Table), Assert.Single(Template.ReferencedIds(r))));

        var redrive = Assert.Single(statements, s => s.Actions.Contains("states:RedriveExecution"));
        Assert.Contains("states:DescribeExecution", redrive.Actions);
        AssertExecutionsOf(pattern, Assert.Single(redrive.Resources));
        Assert.Equal([app.LogicalId(pattern.StateMachine)], Policies.ResourcesFor(statements, "states:StartExecution"));
    }

    [Fact]
    public void EnrichmentWorkflowFunction_PublishesOnlyToTheEnrichedTopic_ThatItsEnvironmentNames()
    {
        var pattern = app.Service("enrichment");
        var statements = FunctionStatements("enrichment", FunctionName.Workflow).ToList();
        var enriched = app.LogicalId(pattern.Topics[Remittance.Workflows.Definition.WorkflowTopic.Enriched]);

        Assert.Equal([enriched], Policies.ResourcesFor(statements, "sns:Publish"));
        Assert.Equal([app.LogicalId(pattern.Key)], Policies.ResourcesFor(statements, "kms:GenerateDataKey"));
        var variables = app.Main.Template[app.LogicalId(pattern.Functions[FunctionName.Workflow])].Properties["Environment"]!["Variables"]!;
        Assert.Equal(enriched, Template.ReferencedId(variables[Remittance.Pipeline.Composition.RemittanceOptions.TopicArnVariable]));
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void StatusRole_DescribesOnlyThisStateMachinesExecutions(string service)
    {
        var describe = Assert.Single(FunctionStatements(service, FunctionName.Status), s => s.Actions.Contains("states:DescribeExecution"));

        AssertExecutionsOf(app.Service(service), Assert.Single(describe.Resources));
    }

    /// <summary>arn:…:states:…:execution:&lt;this state machine's name&gt;:*</summary>
    private void AssertExecutionsOf(Remittance.Cdk.Patterns.TrackedWorkflowService pattern, System.Text.Json.Nodes.JsonNode resource)
    {
        var parts = resource["Fn::Join"]![1]!.AsArray();
        Assert.Contains(parts, p => p is System.Text.Json.Nodes.JsonValue v && v.GetValue<string>() == ":execution:");
        var name = parts[^2]!["Fn::GetAtt"]!.AsArray();
        Assert.Equal([app.LogicalId(pattern.StateMachine), "Name"], name.Select(n => n!.GetValue<string>()));
        Assert.Equal(":*", parts[^1]!.GetValue<string>());
    }

    [Theory]
    [MemberData(nameof(Services.Names), MemberType = typeof(Services))]
    public void Roles_OfOneService_ReachOnlyThatServicesResources(string service)
    {
        var pattern = app.Service(service);
        var own = pattern.Node.FindAll().OfType<CfnElement>().Select(e => (string)app.Main.Stack.Resolve(e.LogicalId)).ToHashSet();
        own.Add(app.LogicalId(app.Main.Stack.InvoicesTable));
        var roles = pattern.Node.FindAll().OfType<CfnElement>().Where(e => e is Amazon.CDK.AWS.IAM.CfnRole)
            .Select(e => (string)app.Main.Stack.Resolve(e.LogicalId)).ToList();

        Assert.Equal(6, roles.Count);
        foreach (var role in roles)
        {
            var referenced = Policies.ForRole(app.Main.Template, role).SelectMany(s => s.Resources.SelectMany(Template.ReferencedIds)).ToList();
            Assert.All(referenced, id => Assert.Contains(id, own));
        }
    }

    private IEnumerable<PolicyStatementJson> FunctionStatements(string service, FunctionName function)
    {
        var roleId = Template.ReferencedId(app.Main.Template[app.LogicalId(app.Service(service).Functions[function])].Properties["Role"]);
        return Policies.ForRole(app.Main.Template, roleId!);
    }

    private static bool IsThisAccountsRoot(PolicyStatementJson s) =>
        s.Principal?["AWS"]?.ToJsonString() is { } principal
        && principal.Contains("AWS::AccountId", StringComparison.Ordinal)
        && principal.Contains(":root", StringComparison.Ordinal);
}
