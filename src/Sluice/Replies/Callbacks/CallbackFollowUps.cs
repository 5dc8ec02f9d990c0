using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Webhook;
using Sluice.Facade;
using Sluice.Journal;

namespace Sluice.Replies.Callbacks;

/// <summary>
/// Turns each finished delivery that asked for a callback into a message of its own for the callbacks destination,
/// so the callback gets what every delivery gets: limits, retries with backoff, a dead letter when it keeps failing.
/// </summary>
/// <remarks>
/// The callback is a follow-up of the outcome: stored in the transaction that records it, so no crash can keep the
/// reply and lose its callback. Its idempotency key is derived from the finished message, so an outcome recorded twice
/// still calls back once; a dead letter replayed and then delivered is a new outcome, and calls back again.
/// </remarks>
internal sealed partial class CallbackFollowUps(IOptions<CallbacksOptions> options, ILogger<CallbackFollowUps> logger) : IOutcomeFollowUps
{
    public const string Kind = "callback";

    /// <summary>The idempotency scope of callbacks: keys there are finished deliveries, never a client's.</summary>
    public const string Scope = "callback";

    public IReadOnlyList<NewMessage> For(LeasedDelivery lease, DeliveryOutcome outcome)
    {
        var metadata = lease.Metadata;
        if (!metadata.TryGetValue(ReplyMetadata.CallbackUrl, out var url)
            || !metadata.TryGetValue(ReplyMetadata.CallbackFrom, out var from)
            || !string.Equals(from, lease.Destination, StringComparison.OrdinalIgnoreCase))
        {
            return [];
        }

        var route = metadata.GetValueOrDefault(StoreFirstIntake.RouteMetadata);
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(CallbackPayload.From(outcome, route), RepliesJsonContext.Default.CallbackPayload);
            return
            [
                new NewMessage(Guid.CreateVersion7(outcome.At), Kind, payload, "application/json", [options.Value.Destination], outcome.At)
                {
                    Metadata = new Dictionary<string, string>
                    {
                        [WebhookMetadata.Url] = url,
                        [WebhookMetadata.Secret] = route ?? "",
                    },
                    Idempotency = new IdempotencyClaim(Scope, Key(outcome), SHA256.HashData(payload)),
                },
            ];
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            LogNotBuilt(ex, outcome.MessageId);
            return [];
        }
    }

    /// <summary>One callback per message, destination and way it finished.</summary>
    public static string Key(DeliveryOutcome outcome) => string.Create(CultureInfo.InvariantCulture,
        $"{outcome.MessageId:N}/{outcome.Destination}/{(outcome.Kind == OutcomeKind.Delivered ? "delivered" : "dead-letter")}");

    [LoggerMessage(Level = LogLevel.Error, Message = "The callback for message {MessageId} could not be built; its reply can still be polled.")]
    private partial void LogNotBuilt(Exception exception, Guid messageId);
}
