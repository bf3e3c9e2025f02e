using Remittance.Aws.Lambda.Core;

namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>One invocation handed to a <see cref="LambdaBootstrapHandler"/>: the event payload and the context.</summary>
public sealed record InvocationRequest(Stream InputStream, ILambdaContext LambdaContext);
