using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sluice.Testing;

/// <summary>One span as an OTLP exporter sent it: ids in lower-case hex, as in <c>traceparent</c>.</summary>
public sealed record ReceivedSpan(
    string Service, string TraceId, string SpanId, string? ParentSpanId, string Name, int Kind, IReadOnlyDictionary<string, string> Attributes);

/// <summary>
/// An OTLP/HTTP receiver (<c>POST /v1/traces</c>, protobuf) on a free loopback port that keeps every span it is sent.
/// No collector is packaged for this machine, so the few fields the tests read are decoded here from the wire format.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpReceiver(WebApplication app, Uri baseAddress, ConcurrentQueue<ReceivedSpan> spans)
    {
        _app = app;
        BaseAddress = baseAddress;
        Spans = spans;
    }

    public Uri BaseAddress { get; }

    public ConcurrentQueue<ReceivedSpan> Spans { get; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var app = Loopback.CreateBuilder().Build();
        var spans = new ConcurrentQueue<ReceivedSpan>();
        app.MapPost("/v1/traces", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            foreach (var span in OtlpSpans.Read(body.ToArray()))
            {
                spans.Enqueue(span);
            }

            return Results.Bytes([], "application/x-protobuf");
        });
        return new OtlpReceiver(app, await app.StartListeningAsync(), spans);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}

/// <summary>
/// Reads <c>ExportTraceServiceRequest</c> → resource_spans(1) → {resource(1), scope_spans(2) → spans(2)}; a span's
/// trace_id(1), span_id(2), parent_span_id(4), name(5), kind(6) and string attributes(9). Everything else is skipped.
/// </summary>
internal static class OtlpSpans
{
    public static IEnumerable<ReceivedSpan> Read(byte[] request)
    {
        foreach (var resourceSpans in Messages(request, 1))
        {
            var service = Messages(resourceSpans, 1).SelectMany(resource => Attributes(resource, 1))
                .FirstOrDefault(a => a.Key == "service.name").Value ?? "";
            foreach (var scopeSpans in Messages(resourceSpans, 2))
            {
                foreach (var span in Messages(scopeSpans, 2))
                {
                    var fields = Fields(span).ToList();
                    byte[]? Field(int number) => fields.FirstOrDefault(f => f.Number == number).Bytes;
                    var parent = Field(4);
                    yield return new ReceivedSpan(
                        service,
                        Convert.ToHexStringLower(Field(1) ?? []),
                        Convert.ToHexStringLower(Field(2) ?? []),
                        parent is { Length: > 0 } ? Convert.ToHexStringLower(parent) : null,
                        System.Text.Encoding.UTF8.GetString(Field(5) ?? []),
                        (int)fields.FirstOrDefault(f => f.Number == 6).Value,
                        Attributes(span, 9).ToDictionary(a => a.Key, a => a.Value));
                }
            }
        }
    }

    /// <summary>KeyValue{key(1), value(2): AnyValue{string_value(1), int_value(3)}} fields numbered <paramref name="number"/>.</summary>
    private static IEnumerable<KeyValuePair<string, string>> Attributes(byte[] message, int number)
    {
        foreach (var pair in Messages(message, number))
        {
            var key = Fields(pair).FirstOrDefault(f => f.Number == 1).Bytes;
            var value = Fields(pair).FirstOrDefault(f => f.Number == 2).Bytes;
            if (key is null || value is null)
            {
                continue;
            }

            var any = Fields(value).FirstOrDefault();
            var text = any.Number switch
            {
                1 => System.Text.Encoding.UTF8.GetString(any.Bytes ?? []),
                3 => ((long)any.Value).ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => "",
            };
            yield return new(System.Text.Encoding.UTF8.GetString(key), text);
        }
    }

    /// <summary>The length-delimited fields numbered <paramref name="number"/>: nested messages, strings, bytes.</summary>
    private static IEnumerable<byte[]> Messages(byte[] message, int number) =>
        Fields(message).Where(f => f.Number == number && f.Bytes is not null).Select(f => f.Bytes!);

    private static IEnumerable<(int Number, ulong Value, byte[]? Bytes)> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var tag = Varint(message, ref position);
            var (number, wire) = ((int)(tag >> 3), (int)(tag & 7));
            switch (wire)
            {
                case 0:
                    yield return (number, Varint(message, ref position), null);
                    break;
                case 1:
                    yield return (number, BitConverter.ToUInt64(message, position), null);
                    position += 8;
                    break;
                case 2:
                    var length = (int)Varint(message, ref position);
                    yield return (number, 0, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    yield return (number, BitConverter.ToUInt32(message, position), null);
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Protobuf wire type {wire} is not used by OTLP.");
            }
        }
    }

    private static ulong Varint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }
}
