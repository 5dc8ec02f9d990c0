using System.Text.Json;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Webhook;
using Sluice.Facade;
using Sluice.Journal;
using Sluice.Journal.GroupCommit;

namespace Sluice.Replies.Callbacks;

/// <summary>
/// Turns each finished delivery that asked for a callback into a message of its own for the callbacks destination,
/// so the callback gets what every delivery gets: limits, retries with backoff, a dead letter when it keeps failing.
/// </summary>
/// <remarks>
/// The callback is appended just after the outcome is committed, not in the same transaction: a crash between the two
/// loses that callback (the reply itself is kept and can still be polled).
/// </remarks>
internal sealed partial class CallbackDispatcher(
    FinishedDeliveries finished, IMessageAppender appender, IOptions<CallbacksOptions> options, TimeProvider time,
    ILogger<CallbackDispatcher> logger) : IHostedService
{
    public const string Kind = "callback";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        finished.CallbackDue += Dispatch;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        finished.CallbackDue -= Dispatch;
        return Task.CompletedTask;
    }

    private void Dispatch(DeliveryOutcome outcome) => _ = DispatchAsync(outcome);

    private async Task DispatchAsync(DeliveryOutcome outcome)
    {
        var metadata = outcome.CallbackMetadata!;
        var route = metadata.GetValueOrDefault(StoreFirstIntake.RouteMetadata);
        try
        {
            var payload = JsonSerializer.SerializeToUtf8Bytes(CallbackPayload.From(outcome, route), RepliesJsonContext.Default.CallbackPayload);
            var now = time.GetUtcNow();
            var message = new NewMessage(Guid.CreateVersion7(now), Kind, payload, "application/json", [options.Value.Destination], now)
            {
                Metadata = new Dictionary<string, string>
                {
                    [WebhookMetadata.Url] = metadata[ReplyMetadata.CallbackUrl],
                    [WebhookMetadata.Secret] = route ?? "",
                },
            };
            await appender.AppendAsync(message, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogNotStored(ex, outcome.MessageId);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The callback for message {MessageId} could not be stored; its reply can still be polled.")]
    private partial void LogNotStored(Exception exception, Guid messageId);
}
