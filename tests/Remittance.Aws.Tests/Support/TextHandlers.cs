using System.Text;
using Remittance.Aws.Lambda.Core;
using Remittance.Aws.Lambda.RuntimeSupport;

namespace Remittance.Aws.Tests.Support;

/// <summary>Handlers over UTF-8 text, to keep the runtime tests about the runtime.</summary>
internal static class TextHandlers
{
    public static LambdaBootstrapHandler From(Func<string, ILambdaContext, CancellationToken, Task<string>> handler) =>
        HandlerWrapper.GetHandlerWrapper(async (Stream input, ILambdaContext context, CancellationToken cancellationToken) =>
        {
            using var reader = new StreamReader(input, Encoding.UTF8);
            var text = await reader.ReadToEndAsync(cancellationToken);
            return Encoding.UTF8.GetBytes(await handler(text, context, cancellationToken));
        }).Handler;
}
