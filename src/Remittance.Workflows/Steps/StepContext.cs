using System.Text.Json.Nodes;

namespace Remittance.Workflows.Steps;

/// <summary>
/// What the steps of one Lambda task share: the state input (the item, as the execution received it), the previous
/// step's output, and typed values handed from step to step within the invocation.
/// </summary>
public sealed class StepContext(JsonObject input)
{
    private readonly Dictionary<Type, object> _values = [];

    public JsonObject Input { get; } = input;

    public JsonNode? Previous { get; set; }

    public void Set<T>(T value)
        where T : class => _values[typeof(T)] = value;

    public T Get<T>()
        where T : class => _values.TryGetValue(typeof(T), out var value)
        ? (T)value
        : throw new InvalidOperationException($"No {typeof(T).Name} in the step context: a step ran out of order.");
}
