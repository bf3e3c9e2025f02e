using System.Text.Json;

namespace Remittance.Pipeline.Observability;

/// <summary>
/// The metric the sweeper publishes after every sweep, and the alarm on it: items on the failed index per service.
/// Published as a CloudWatch embedded-metric-format log line, so it costs no API call and needs no
/// cloudwatch:PutMetricData permission; CloudWatch Logs turns the line into the metric.
/// </summary>
public static class SweeperMetrics
{
    public const string Namespace = "Remittance";
    public const string FailedItems = "FailedItems";
    public const string ServiceDimension = "Service";

    public static string FailedItemsLine(string service, int failedItems, DateTimeOffset at)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", at.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            json.WriteStartObject();
            json.WriteString("Namespace", Namespace);
            json.WriteStartArray("Dimensions");
            json.WriteStartArray();
            json.WriteStringValue(ServiceDimension);
            json.WriteEndArray();
            json.WriteEndArray();
            json.WriteStartArray("Metrics");
            json.WriteStartObject();
            json.WriteString("Name", FailedItems);
            json.WriteString("Unit", "Count");
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString(ServiceDimension, service);
            json.WriteNumber(FailedItems, failedItems);
            json.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
