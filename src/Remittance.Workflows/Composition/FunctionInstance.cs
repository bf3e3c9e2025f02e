using Remittance.Aws.Lambda.RuntimeSupport;
using Remittance.Pipeline.Composition;

namespace Remittance.Workflows.Composition;

/// <summary>One function as Lambda initialises it: which function, of which service, its services and its handler.</summary>
public sealed class FunctionInstance(FunctionName function, ServiceDefinition service, RemittanceServices services, HandlerWrapper handler) : IDisposable
{
    public FunctionName Function { get; } = function;

    public ServiceDefinition Service { get; } = service;

    public RemittanceServices Services { get; } = services;

    /// <summary>The wire-level handler: JSON event in, JSON response out.</summary>
    public HandlerWrapper Handler { get; } = handler;

    public void Dispose() => Services.Dispose();
}
