using System.Buffers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Sinks;
using Sluice.Journal;

namespace Sluice.Punches;

/// <summary>
/// The JSON a legacy time system gets for each punch (<c>Punches:LegacyShape</c>): its field names, each taken from
/// a field of the stored punch, e.g. <c>{"matricula": "employeeId", "dataHora": "punchedAt", "nsr": "nsr"}</c>.
/// Unset, the punch is sent as stored. Applies to punches sent by HTTP; the journal keeps the punch as it was.
/// </summary>
internal sealed class LegacyPunchShape(IOptions<PunchesOptions> options) : IPayloadShaper
{
    /// <summary>The fields of a stored punch (<see cref="PunchMessage"/> as JSON), which the shape may take from.</summary>
    public static readonly IReadOnlyList<string> Fields = [.. PunchesJsonContext.Default.PunchMessage.Properties.Select(p => p.Name)];

    public ReadOnlyMemory<byte>? Shape(LeasedDelivery delivery)
    {
        var shape = options.Value.LegacyShape;
        if (shape.Count == 0 || delivery.Kind != PunchIntake.Kind || delivery.Payload.IsEmpty)
        {
            return null;
        }

        using var punch = JsonDocument.Parse(delivery.Payload);
        var buffer = new ArrayBufferWriter<byte>(delivery.Payload.Length);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, field) in shape)
            {
                writer.WritePropertyName(name);
                if (punch.RootElement.TryGetProperty(field, out var value))
                {
                    value.WriteTo(writer);
                }
                else
                {
                    writer.WriteNullValue();
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenMemory;
    }

    /// <summary>Whether every field the shape takes from is a punch field.</summary>
    public static bool IsValid(IReadOnlyDictionary<string, string> shape) => shape.Values.All(Fields.Contains);
}
