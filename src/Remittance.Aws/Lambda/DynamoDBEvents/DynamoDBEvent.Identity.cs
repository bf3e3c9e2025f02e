using System.Text.Json.Serialization;

namespace Remittance.Aws.Lambda.DynamoDBEvents;

public partial class DynamoDBEvent
{
    /// <summary>
    /// Who made the change; only Time to Live deletes carry one. Lambda events spell the members "type" and
    /// "principalId", GetRecords "Type" and "PrincipalId": the contexts read names case-insensitively.
    /// </summary>
    public class Identity
    {
        [JsonPropertyName("type")]
        public string? Type { get; set; }

        [JsonPropertyName("principalId")]
        public string? PrincipalId { get; set; }
    }
}
