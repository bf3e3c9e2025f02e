namespace Remittance.Workflows.Definition;

/// <summary>
/// A tracked workflow: its task states run in order; a caught error goes to a Fail state. One definition feeds both
/// the ASL the CDK app deploys and the local runner.
/// </summary>
public sealed record WorkflowDefinition(string Name, string Comment, IReadOnlyList<WorkflowState> States, int TimeoutSeconds)
{
    public IEnumerable<TaskState> Tasks => States.OfType<TaskState>();

    /// <summary>Every topic the workflow publishes to, by a publish state or from the function.</summary>
    public IReadOnlyList<WorkflowTopic> Topics =>
    [
        .. States.OfType<PublishState>().Select(p => p.Topic)
            .Concat(States.OfType<LambdaTaskState>().Select(t => t.Publishes).OfType<WorkflowTopic>())
            .Distinct(),
    ];

    /// <summary>The topic the workflow function itself publishes to (its <c>publish</c> step), or null when only states publish.</summary>
    public WorkflowTopic? FunctionTopic => States.OfType<LambdaTaskState>().Select(t => t.Publishes).Where(t => t is not null).Distinct().SingleOrDefault();

    public WorkflowState State(string name) => States.Single(s => s.Name == name);

    /// <summary>The task that follows <paramref name="state"/>, or null when it is the last one (the run succeeds).</summary>
    public TaskState? NextTask(TaskState state)
    {
        var tasks = Tasks.ToList();
        var index = tasks.IndexOf(state);
        return index + 1 < tasks.Count ? tasks[index + 1] : null;
    }
}
