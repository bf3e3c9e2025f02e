using System.Text;
using System.Text.Json.Nodes;

namespace Remittance.IntegrationTests.LocalLambda;

/// <summary>SQS events for the ingest function, built from the checked-in samples.</summary>
public static class IngestEvents
{
    /// <summary>The valid sample partner message 001, under another request ID.</summary>
    public static string PartnerMessage(string requestId)
    {
        var message = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "partner-messages", "001-settled-usd-business.json")))!;
        message["requestId"] = requestId;
        return message.ToJsonString();
    }

    /// <summary>An SQS event shaped like samples/events/sqs-ingest-batch.json with one record per body.</summary>
    public static byte[] Sqs(params string[] bodies)
    {
        var sample = JsonNode.Parse(File.ReadAllText(RepositoryRoot.Combine("samples", "events", "sqs-ingest-batch.json")))!;
        var records = new JsonArray();
        foreach (var body in bodies)
        {
            var record = sample["Records"]![0]!.DeepClone().AsObject();
            record["messageId"] = Guid.NewGuid().ToString();
            record["body"] = body;
            // It would no longer match the new body; Lambda's event is valid without it.
            record.Remove("md5OfBody");
            records.Add(record);
        }

        return Encoding.UTF8.GetBytes(new JsonObject { ["Records"] = records }.ToJsonString());
    }
}
