// Over 300 lines: one pricing rule per kind of request (single, batch and transactional writes; get, batch get, query/scan, transactional get) over one shared model of the items seen, which each rule reads and updates.
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Remittance.Pipeline.Storage;

namespace Remittance.Cost.Metering;

/// <summary>
/// Prices DynamoDB requests by AWS's documented rules from the requests and responses themselves, not from the
/// server's ConsumedCapacity (DynamoDB Local's is wrong for indexes and transactions). To price a write it needs the
/// item before it: the meter keeps every item it has seen written or read consistently, applies each write to it
/// (update expressions included), and takes DynamoDB's own word where a response carries the item (ALL_NEW, ALL_OLD,
/// a failed condition's item). Requests are never changed.
/// </summary>
public sealed class DynamoDbMeter(CostLedger ledger)
{
    private const string ConditionFailed = "ConditionalCheckFailedException";
    private const string TransactionCanceled = "TransactionCanceledException";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, TableShape> _shapes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Table, string Key), Dictionary<string, AttributeValue>> _items = [];

    public void Register(TableShape shape)
    {
        lock (_gate)
        {
            _shapes[shape.TableName] = shape;
        }
    }

    /// <summary>The item as the meter last saw it (null: none, or never seen).</summary>
    public IReadOnlyDictionary<string, AttributeValue>? Item(string tableName, IReadOnlyDictionary<string, AttributeValue> key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault((tableName, AttributeValues.KeyText(Shape(tableName).KeyAttributes, key)));
        }
    }

    public DynamoDbCall Record(CallSite? site, string operation, string requestJson, int statusCode, string responseJson, TimeSpan latency)
    {
        using var request = JsonDocument.Parse(string.IsNullOrWhiteSpace(requestJson) ? "{}" : requestJson);
        using var response = ParseResponse(responseJson);
        var error = statusCode is >= 200 and < 300 ? null : ErrorType(response.RootElement);
        var call = new Call(site, operation, request.RootElement, response.RootElement, error, latency);
        DynamoDbCall priced;
        lock (_gate)
        {
            try
            {
                priced = Price(call);
            }
            catch (Exception failure) when (failure is FormatException or NotSupportedException or InvalidOperationException
                                                or KeyNotFoundException or JsonException)
            {
                // The metered code must go on; the run is refused afterwards (CostPipeline) rather than priced short.
                priced = call.Free(Table(call.Request)) with { Unpriced = true, UnpricedReason = $"{failure.GetType().Name}: {failure.Message}" };
            }

            priced = priced with { Sequence = ledger.NextSequence() };
        }

        ledger.Add(priced);
        return priced;
    }

    private DynamoDbCall Price(Call call)
    {
        var operation = call.Operation;
        var error = call.Error;
        return operation switch
        {
            _ when error is not null && error is not (ConditionFailed or TransactionCanceled) => call.Free(Table(call.Request)),
            "PutItem" => SingleWrite(call, WriteKind.Put),
            "UpdateItem" => SingleWrite(call, WriteKind.Update),
            "DeleteItem" => SingleWrite(call, WriteKind.Delete),
            "BatchWriteItem" => BatchWrite(call),
            "TransactWriteItems" => TransactWrite(call),
            "GetItem" => GetItem(call),
            "BatchGetItem" => BatchGet(call),
            "Query" or "Scan" => QueryOrScan(call),
            "TransactGetItems" => TransactGet(call),
            // A data operation this meter has no rule for (PartiQL, say) is flagged: its cost is unknown, not zero.
            _ => call.Free(Table(call.Request)) with
            {
                Unpriced = !DynamoDbCall.IsControlPlaneOperation(operation),
                UnpricedReason = DynamoDbCall.IsControlPlaneOperation(operation) ? null : $"no pricing rule for {operation}",
            },
        };
    }

    private DynamoDbCall SingleWrite(Call call, WriteKind kind)
    {
        var table = Table(call.Request);
        var shape = Shape(table);
        var write = ReadWrite(kind, table, call.Request, transactional: false);
        var key = AttributeValues.KeyText(shape.KeyAttributes, write.Key);
        var before = _items.GetValueOrDefault((table, key));
        Dictionary<string, AttributeValue>? knownAfter = null;
        if (call.Error == ConditionFailed && call.Response.TryGetProperty("Item", out var current))
        {
            before = AttributeValues.ReadItem(current);
        }
        else if (call.Error is null && call.Response.TryGetProperty("Attributes", out var returned))
        {
            var mode = call.Request.TryGetProperty("ReturnValues", out var value) ? value.GetString() : null;
            if (mode == "ALL_OLD")
            {
                before = AttributeValues.ReadItem(returned);
            }
            else if (mode == "ALL_NEW")
            {
                knownAfter = AttributeValues.ReadItem(returned);
            }
        }

        var (charge, after) = WritePricing.Price(shape, before, write, applied: call.Error is null);
        if (knownAfter is not null)
        {
            // DynamoDB's own after-image wins over the expression applied here.
            var larger = Math.Max(charge.BytesBefore, ItemSize.Of(knownAfter));
            charge = charge with
            {
                BytesAfter = ItemSize.Of(knownAfter),
                WriteUnits = CapacityRules.WriteUnits(larger),
                IndexChanges = CapacityRules.IndexChanges(shape, before, knownAfter),
            };
            after = knownAfter;
        }

        Remember(table, key, after);
        return call.Priced(table, null, 0, [charge]);
    }

    private DynamoDbCall BatchWrite(Call call)
    {
        var unprocessed = new HashSet<(string, string)>();
        if (call.Response.TryGetProperty("UnprocessedItems", out var left))
        {
            foreach (var table in left.EnumerateObject())
            {
                foreach (var entry in table.Value.EnumerateArray())
                {
                    var write = ReadBatchEntry(table.Name, entry);
                    unprocessed.Add((table.Name, AttributeValues.KeyText(Shape(table.Name).KeyAttributes, write.Key)));
                }
            }
        }

        var charges = new List<ItemWrite>();
        var tables = new List<string>();
        foreach (var table in call.Request.GetProperty("RequestItems").EnumerateObject())
        {
            tables.Add(table.Name);
            foreach (var entry in table.Value.EnumerateArray())
            {
                var write = ReadBatchEntry(table.Name, entry);
                var key = AttributeValues.KeyText(Shape(table.Name).KeyAttributes, write.Key);
                if (!unprocessed.Contains((table.Name, key)))
                {
                    charges.Add(Apply(table.Name, key, write, applied: true));
                }
            }
        }

        return call.Priced(string.Join(",", tables), null, 0, charges);
    }

    private DynamoDbCall TransactWrite(Call call)
    {
        var charges = new List<ItemWrite>();
        var tables = new List<string>();
        foreach (var action in call.Request.GetProperty("TransactItems").EnumerateArray())
        {
            var (name, body) = action.EnumerateObject().Select(p => (p.Name, p.Value)).First();
            var kind = name switch
            {
                "Put" => WriteKind.Put,
                "Update" => WriteKind.Update,
                "Delete" => WriteKind.Delete,
                _ => WriteKind.ConditionCheck,
            };
            var table = Table(body);
            tables.Add(table);
            var write = ReadWrite(kind, table, body, transactional: true);
            // A cancelled transaction still consumed its prepare phase: charged, nothing applied.
            charges.Add(Apply(table, AttributeValues.KeyText(Shape(table).KeyAttributes, write.Key), write, applied: call.Error is null));
        }

        return call.Priced(string.Join(",", tables.Distinct(StringComparer.Ordinal)), null, 0, charges);
    }

    private DynamoDbCall GetItem(Call call)
    {
        var table = Table(call.Request);
        var consistent = Flag(call.Request, "ConsistentRead");
        var found = call.Response.TryGetProperty("Item", out var item) ? AttributeValues.ReadItem(item) : null;
        if (consistent && !call.Request.TryGetProperty("ProjectionExpression", out _))
        {
            var key = AttributeValues.ReadItem(call.Request.GetProperty("Key"));
            Remember(table, AttributeValues.KeyText(Shape(table).KeyAttributes, key), found);
        }

        return call.Priced(table, null, CapacityRules.ReadUnits(found is null ? 0 : ItemSize.Of(found), consistent), []);
    }

    private DynamoDbCall BatchGet(Call call)
    {
        var units = 0m;
        var tables = new List<string>();
        foreach (var table in call.Request.GetProperty("RequestItems").EnumerateObject())
        {
            tables.Add(table.Name);
            var consistent = Flag(table.Value, "ConsistentRead");
            var requested = table.Value.GetProperty("Keys").GetArrayLength();
            var unprocessed = call.Response.TryGetProperty("UnprocessedKeys", out var left) && left.TryGetProperty(table.Name, out var keys)
                ? keys.GetProperty("Keys").GetArrayLength()
                : 0;
            var found = call.Response.TryGetProperty("Responses", out var responses) && responses.TryGetProperty(table.Name, out var items)
                ? [.. items.EnumerateArray().Select(i => ItemSize.Of(AttributeValues.ReadItem(i)))]
                : new List<int>();

            // Each key is read as its own GetItem: rounded up separately, and a missing item still costs a unit.
            units += found.Sum(size => CapacityRules.ReadUnits(size, consistent))
                     + (Math.Max(0, requested - unprocessed - found.Count) * CapacityRules.ReadUnits(0, consistent));
        }

        return call.Priced(string.Join(",", tables), null, units, []);
    }

    private DynamoDbCall QueryOrScan(Call call)
    {
        var table = Table(call.Request);
        var index = call.Request.TryGetProperty("IndexName", out var name) ? name.GetString() : null;
        // Global secondary indexes are read eventually consistently, whatever the request says.
        var consistent = index is null && Flag(call.Request, "ConsistentRead");
        var sizes = call.Response.TryGetProperty("Items", out var items)
            ? [.. items.EnumerateArray().Select(i => ItemSize.Of(AttributeValues.ReadItem(i)))]
            : new List<int>();
        var bytes = sizes.Sum();
        var scanned = call.Response.TryGetProperty("ScannedCount", out var count) ? count.GetInt32() : sizes.Count;
        var unpriced = false;
        if (call.Request.TryGetProperty("Select", out var select) && select.GetString() == "COUNT" && call.Operation == "Scan"
            && !call.Request.TryGetProperty("ExclusiveStartKey", out _) && !call.Request.TryGetProperty("FilterExpression", out _))
        {
            // A COUNT returns no items, but reads (and is charged for) all of them: the meter knows them.
            bytes = ScannedBytes(table, index);
        }
        else if (scanned > sizes.Count && sizes.Count > 0)
        {
            // A filter dropped items after they were read (and charged); price them at the returned items' mean size.
            bytes += (scanned - sizes.Count) * (bytes / sizes.Count);
        }
        else
        {
            unpriced = scanned > sizes.Count;
        }

        // A Query or Scan charges the total size read, rounded up once (at least one unit even when empty).
        return call.Priced(table, index, CapacityRules.ReadUnits(bytes, consistent), []) with
        {
            Unpriced = unpriced,
            UnpricedReason = unpriced ? "a filter dropped every item it read, so their sizes are unknown" : null,
        };
    }

    // What a whole-table or whole-index scan reads, from the items the meter knows: items, or their index entries.
    private int ScannedBytes(string table, string? indexName)
    {
        var shape = Shape(table);
        var index = indexName is null ? null : shape.Indexes.Single(i => i.IndexName == indexName);
        return _items.Where(entry => entry.Key.Table == table)
            .Select(entry => entry.Value)
            .Where(item => index is null || index.KeyAttributes.All(item.ContainsKey))
            .Sum(item => index is null ? ItemSize.Of(item) : CapacityRules.IndexEntryBytes(shape, index, item) - CapacityRules.IndexEntryOverheadBytes);
    }

    private DynamoDbCall TransactGet(Call call)
    {
        var sizes = call.Response.TryGetProperty("Responses", out var responses)
            ? [.. responses.EnumerateArray().Select(r => r.TryGetProperty("Item", out var item) ? ItemSize.Of(AttributeValues.ReadItem(item)) : 0)]
            : new List<int>();
        var tables = call.Request.GetProperty("TransactItems").EnumerateArray().Select(a => Table(a.GetProperty("Get"))).Distinct(StringComparer.Ordinal);
        return call.Priced(string.Join(",", tables), null, sizes.Sum(size => 2 * CapacityRules.ReadUnits(size, consistent: true)), []);
    }

    private ItemWrite Apply(string table, string key, TableWrite write, bool applied)
    {
        var (charge, after) = WritePricing.Price(Shape(table), _items.GetValueOrDefault((table, key)), write, applied);
        Remember(table, key, after);
        return charge;
    }

    private void Remember(string table, string key, Dictionary<string, AttributeValue>? item)
    {
        if (item is null)
        {
            _items.Remove((table, key));
        }
        else
        {
            _items[(table, key)] = item;
        }
    }

    private TableShape Shape(string table) => _shapes.TryGetValue(table, out var shape)
        ? shape
        : throw new InvalidOperationException($"The meter does not know table '{table}': register its TableShape before metering it.");

    private TableWrite ReadWrite(WriteKind kind, string table, JsonElement body, bool transactional)
    {
        if (kind == WriteKind.Put)
        {
            var item = AttributeValues.ReadItem(body.GetProperty("Item"));
            return new TableWrite(kind, table, Shape(table).KeyAttributes.ToDictionary(n => n, n => item[n], StringComparer.Ordinal), item,
                Transactional: transactional);
        }

        var key = AttributeValues.ReadItem(body.GetProperty("Key"));
        if (kind != WriteKind.Update)
        {
            return new TableWrite(kind, table, key, Transactional: transactional);
        }

        if (!body.TryGetProperty("UpdateExpression", out var expression))
        {
            throw new NotSupportedException("An UpdateItem without an UpdateExpression (legacy AttributeUpdates) is not priced.");
        }

        var names = body.TryGetProperty("ExpressionAttributeNames", out var n)
            ? n.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : [];
        var values = body.TryGetProperty("ExpressionAttributeValues", out var v) ? AttributeValues.ReadItem(v) : [];
        return new TableWrite(kind, table, key, null, expression.GetString(), names, values, transactional);
    }

    private TableWrite ReadBatchEntry(string table, JsonElement entry) =>
        entry.TryGetProperty("PutRequest", out var put)
            ? ReadWrite(WriteKind.Put, table, put, transactional: false)
            : ReadWrite(WriteKind.Delete, table, entry.GetProperty("DeleteRequest"), transactional: false);

    private static string Table(JsonElement body) =>
        body.TryGetProperty("TableName", out var name) ? name.GetString() ?? string.Empty : string.Empty;

    private static bool Flag(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.True;

    private static JsonDocument ParseResponse(string json)
    {
        try
        {
            return JsonDocument.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json);
        }
        catch (JsonException)
        {
            // A non-JSON answer (a proxy's HTML error page) prices as a failed, free request.
            return JsonDocument.Parse("{}");
        }
    }

    private static string ErrorType(JsonElement response)
    {
        var type = response.TryGetProperty("__type", out var value) ? value.GetString() ?? "Unknown" : "Unknown";
        return type[(type.LastIndexOf('#') + 1)..];
    }

    private sealed record Call(CallSite? Site, string Operation, JsonElement Request, JsonElement Response, string? Error, TimeSpan Latency)
    {
        public DynamoDbCall Free(string table) => new(0, Site, Operation, table, null, Error is null, Error, Latency, 0m, []);

        public DynamoDbCall Priced(string table, string? index, decimal readUnits, IReadOnlyList<ItemWrite> writes) =>
            new(0, Site, Operation, table, index, Error is null, Error, Latency, readUnits, writes);
    }
}
