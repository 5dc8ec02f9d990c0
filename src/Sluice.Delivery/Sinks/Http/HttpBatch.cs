using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.Http;

/// <summary>The body of a batch request and the reading of per-message answers.</summary>
internal static class HttpBatch
{
    /// <summary>A stable key for exactly this set of messages: a retry of the same batch repeats it, a different batch does not.</summary>
    public static string Key(IReadOnlyList<LeasedDelivery> deliveries)
    {
        var ids = new byte[deliveries.Count * 16];
        for (var i = 0; i < deliveries.Count; i++)
        {
            deliveries[i].MessageId.TryWriteBytes(ids.AsSpan(i * 16, 16));
        }

        return new Guid(SHA256.HashData(ids).AsSpan(0, 16)).ToString();
    }

    /// <summary>The messages as one JSON array (or an object holding it); a message that is not JSON goes in as a string.</summary>
    public static HttpContent Body(IReadOnlyList<LeasedDelivery> deliveries, HttpBatchOptions options)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (options.Shape == BatchShape.Envelope)
            {
                writer.WriteStartObject();
                writer.WritePropertyName(options.Property);
            }

            writer.WriteStartArray();
            foreach (var delivery in deliveries)
            {
                if (IsJson(delivery))
                {
                    writer.WriteRawValue(delivery.Payload.Span, skipInputValidation: true);
                }
                else
                {
                    writer.WriteStringValue(Encoding.UTF8.GetString(delivery.Payload.Span));
                }
            }

            writer.WriteEndArray();
            if (options.Shape == BatchShape.Envelope)
            {
                writer.WriteEndObject();
            }
        }

        var content = new ReadOnlyMemoryContent(buffer.WrittenMemory);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    /// <summary>Reads one result per message from an answer, when it holds an array of exactly that many.</summary>
    /// <param name="maxReplyBytes">Per message, the most bytes of its item kept as its reply (the route's or destination's cap).</param>
    /// <remarks>
    /// Each message keeps its own item as its reply (status and the item's JSON), never the whole answer: that holds the
    /// other messages' results too. An answer without per-message items keeps no reply for any of them.
    /// </remarks>
    public static bool TryReadResults(string? body, IReadOnlyList<int> maxReplyBytes, string? property, out IReadOnlyList<SendResult> results)
    {
        var count = maxReplyBytes.Count;
        results = [];
        if (string.IsNullOrWhiteSpace(body))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var array = document.RootElement;
            if (property is not null && (array.ValueKind != JsonValueKind.Object || !TryGetProperty(array, property, out array)))
            {
                return false;
            }

            if (array.ValueKind != JsonValueKind.Array || array.GetArrayLength() != count)
            {
                return false;
            }

            var each = new List<SendResult>(count);
            foreach (var item in array.EnumerateArray())
            {
                if (!TryReadResult(item, out var result, out var status))
                {
                    return false;
                }

                each.Add(result with { Reply = ItemReply(item, status, maxReplyBytes[each.Count]) });
            }

            results = each;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DeliveryReply ItemReply(JsonElement item, int status, int maxBytes)
    {
        var raw = Encoding.UTF8.GetBytes(item.GetRawText());
        var truncated = raw.Length > maxBytes;
        return new DeliveryReply(status, new Dictionary<string, string>(), "application/json", truncated ? raw.AsMemory(0, maxBytes) : raw, truncated);
    }

    private static bool TryReadResult(JsonElement item, out SendResult result, out int code)
    {
        result = SendResult.Success;
        code = 0;
        string? error = null;
        var status = item;
        if (item.ValueKind == JsonValueKind.Object)
        {
            if (!TryGetProperty(item, "status", out status))
            {
                return false;
            }

            error = TryGetProperty(item, "error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
        }

        if (status.ValueKind != JsonValueKind.Number || !status.TryGetInt32(out code) || code is < 100 or > 599)
        {
            return false;
        }

        result = HttpSink.Classify((HttpStatusCode)code, error is null ? $"HTTP {code} for this message in the batch" : $"HTTP {code}: {error}");
        return true;
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static bool IsJson(LeasedDelivery delivery)
    {
        if (delivery.Payload.IsEmpty || !delivery.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var reader = new Utf8JsonReader(delivery.Payload.Span);
        try
        {
            while (reader.Read())
            {
            }

            return reader.BytesConsumed == delivery.Payload.Length;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
