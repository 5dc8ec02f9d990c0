using System.Buffers;
using System.Text.Json;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.RabbitMq;

/// <summary>A message as a CloudEvents 1.0 event in structured JSON mode.</summary>
internal static class CloudEvent
{
    public const string ContentType = "application/cloudevents+json; charset=utf-8";

    /// <remarks>A JSON payload goes in <c>data</c> as it is; anything else goes in <c>data_base64</c>, as the JSON format requires.</remarks>
    public static ReadOnlyMemory<byte> Serialize(LeasedDelivery delivery, string type, string source)
    {
        var buffer = new ArrayBufferWriter<byte>(delivery.Payload.Length + 256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("specversion", "1.0");
            writer.WriteString("id", delivery.MessageId);
            writer.WriteString("source", source);
            writer.WriteString("type", type);
            writer.WriteString("time", delivery.ReceivedAt.ToUniversalTime());
            writer.WriteString("datacontenttype", delivery.ContentType);
            if (IsJson(delivery))
            {
                writer.WritePropertyName("data");
                writer.WriteRawValue(delivery.Payload.Span, skipInputValidation: true);
            }
            else if (!delivery.Payload.IsEmpty)
            {
                writer.WriteBase64String("data_base64", delivery.Payload.Span);
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    private static bool IsJson(LeasedDelivery delivery)
    {
        if (delivery.Payload.IsEmpty || !delivery.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var reader = new Utf8JsonReader(delivery.Payload.Span);
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
