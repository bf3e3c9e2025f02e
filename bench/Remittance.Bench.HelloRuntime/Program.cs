// A hello-world Lambda custom runtime: nothing but the Runtime API loop, to measure what starting .NET costs.
var address = Environment.GetEnvironmentVariable("AWS_LAMBDA_RUNTIME_API")
              ?? throw new InvalidOperationException("AWS_LAMBDA_RUNTIME_API is not set.");
using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
{
    BaseAddress = new Uri($"http://{address}/2018-06-01/runtime/"),
    Timeout = Timeout.InfiniteTimeSpan,
};

while (true)
{
    using var next = await http.GetAsync(new Uri("invocation/next", UriKind.Relative));
    var requestId = next.Headers.GetValues("Lambda-Runtime-Aws-Request-Id").First();
    _ = await next.Content.ReadAsByteArrayAsync();
    using var response = new StringContent("\"hello\"");
    using var posted = await http.PostAsync(new Uri($"invocation/{Uri.EscapeDataString(requestId)}/response", UriKind.Relative), response);
}
