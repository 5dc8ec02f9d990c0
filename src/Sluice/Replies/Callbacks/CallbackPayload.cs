using System.Text;
using System.Text.Json.Serialization;
using Sluice.Journal;

namespace Sluice.Replies.Callbacks;

/// <summary>What a callback carries, in the Standard Webhooks envelope (<c>type</c>, <c>timestamp</c>, <c>data</c>).</summary>
public sealed record CallbackPayload(string Type, DateTimeOffset Timestamp, CallbackData Data)
{
    public const string ReplyType = "sluice.reply";

    internal static CallbackPayload From(DeliveryOutcome outcome, string? route)
    {
        var reply = outcome.Reply;
        var (body, encoding) = reply is null ? (null, null) : Text(reply.Body);
        return new(ReplyType, outcome.At, new CallbackData(
            outcome.MessageId, route, outcome.Destination, outcome.Kind == OutcomeKind.Delivered ? "delivered" : "dead-letter",
            reply?.Status, reply?.Headers, reply?.ContentType, body, encoding, reply?.Truncated ?? false,
            outcome.Kind == OutcomeKind.Delivered ? null : outcome.Error));
    }

    /// <summary>The body as text when it is UTF-8 (JSON, XML, text), else base64: the envelope is JSON either way.</summary>
    private static (string Body, string Encoding) Text(ReadOnlyMemory<byte> body)
    {
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body.Span), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return (Convert.ToBase64String(body.Span), "base64");
        }
    }
}

/// <param name="Outcome"><c>delivered</c> or <c>dead-letter</c>.</param>
/// <param name="BodyEncoding"><c>utf-8</c> or <c>base64</c>.</param>
/// <param name="Error">Why a dead letter failed.</param>
public sealed record CallbackData(
    Guid MessageId,
    string? Route,
    string Destination,
    string Outcome,
    int? Status,
    IReadOnlyDictionary<string, string>? Headers,
    string? ContentType,
    string? Body,
    string? BodyEncoding,
    bool Truncated,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Error);
