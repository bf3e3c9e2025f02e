namespace Remittance.Aws.Lambda.RuntimeSupport;

/// <summary>What a handler returns: the response payload, disposed after posting unless told otherwise.</summary>
public sealed record InvocationResponse(Stream OutputStream, bool DisposeOutputStream = true)
{
    /// <summary>A response with an empty body (for handlers whose result nobody reads).</summary>
    public static InvocationResponse Empty() => new(new MemoryStream(0));
}
