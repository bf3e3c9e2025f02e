using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Remittance.DynamoDbLocal;

namespace Remittance.Bench.Ingest;

/// <summary>
/// A real AmazonDynamoDBClient whose HTTP handler answers every call with an empty JSON object, at once: what a call
/// costs in this process (marshalling, signing, the SDK pipeline, unmarshalling) without any server or socket.
/// </summary>
public static class StubDynamoDb
{
    public static IAmazonDynamoDB CreateClient()
    {
        var config = DynamoDbLocalClients.CreateConfig("http://127.0.0.1:9");
        config.HttpClientFactory = new Factory();
        return new AmazonDynamoDBClient(DynamoDbLocalClients.Credentials, config);
    }

    private sealed class Factory : HttpClientFactory
    {
        private readonly HttpClient _client = new(new EmptyObjectHandler());

        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => _client;

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;
    }

    private sealed class EmptyObjectHandler : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content is not null)
            {
                await request.Content.LoadIntoBufferAsync(cancellationToken);
            }

            var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent("{}"u8.ToArray()), RequestMessage = request };
            response.Content.Headers.TryAddWithoutValidation("Content-Type", "application/x-amz-json-1.0");
            response.Headers.TryAddWithoutValidation("x-amzn-RequestId", "stub");
            return response;
        }
    }
}
