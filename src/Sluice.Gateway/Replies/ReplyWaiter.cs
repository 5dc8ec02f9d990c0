using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Journal;
using Sluice.Limits;

namespace Sluice.Replies;

/// <summary>
/// Lets an intake request wait briefly for its message's answer (<c>Prefer: wait</c>) without taking part in the
/// send: it listens for the outcome this node records and, if none came in time, reads the journal once, since on
/// several nodes another node may have sent the message.
/// </summary>
internal sealed class ReplyWaiter(FinishedDeliveries finished, IJournal journal, IOptions<LimitsOptions> limits, TimeProvider time)
{
    /// <summary>Left between the end of a wait and the request's timeout, for the receipt to be written.</summary>
    private static readonly TimeSpan AnswerMargin = TimeSpan.FromSeconds(1);

    /// <summary>The request's wait, if it asked for one (<c>Prefer: wait=N</c>) and <paramref name="max"/> allows any.</summary>
    /// <param name="destination">Whose answer the client gets: the first destination, the legacy system (others are copies).</param>
    /// <remarks>A wait never runs into <c>Limits:RequestTimeout</c>: a stored request must get its receipt, never a 504.</remarks>
    public PendingWait? Begin(HttpContext context, TimeSpan max, string destination)
    {
        var ceiling = limits.Value.RequestTimeout - AnswerMargin;
        return PreferWait.Read(context.Request, max < ceiling ? max : ceiling) is { } wait
            ? new PendingWait(this, context.Response, wait, destination)
            : null;
    }

    /// <summary>Listen before the message is appended, so an answer that comes before the wait starts is not missed.</summary>
    public FinishedDeliveries.Listener Listen(Guid messageId, string destination) => finished.Listen(messageId, destination);

    /// <summary>Waits up to <paramref name="wait"/> after the commit for the delivery to finish.</summary>
    /// <returns>The finished delivery, or null when it is still waiting or retrying at the end of the wait.</returns>
    public async Task<FinishedReply?> WaitAsync(
        FinishedDeliveries.Listener listener, AppendResult stored, string destination, TimeSpan wait, CancellationToken cancellationToken)
    {
        FinishedDeliveries.Listener? original = null;
        try
        {
            var waitingOn = listener;
            if (stored.Outcome == AppendOutcome.Duplicate)
            {
                // A repeat names the original message, which may have finished long ago.
                original = finished.Listen(stored.MessageId, destination);
                if (await ReadAsync(stored.MessageId, destination, cancellationToken) is { } done)
                {
                    return done;
                }

                waitingOn = original;
            }

            try
            {
                var outcome = await waitingOn.Outcome.WaitAsync(wait, time, cancellationToken);
                return new FinishedReply(stored.MessageId, destination, outcome.Kind == OutcomeKind.Delivered, outcome.Reply, outcome.Error);
            }
            catch (TimeoutException)
            {
                return await ReadAsync(stored.MessageId, destination, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // The client left: its request is stored all the same, and nobody is there to answer.
                return null;
            }
        }
        finally
        {
            original?.Dispose();
        }
    }

    /// <summary>The delivery as the journal has it, if it is finished (delivered or dead-lettered).</summary>
    public async Task<FinishedReply?> ReadAsync(Guid messageId, string destination, CancellationToken cancellationToken)
    {
        var record = await journal.GetMessageAsync(messageId, cancellationToken);
        var delivery = record?.Deliveries.FirstOrDefault(d => string.Equals(d.Destination, destination, StringComparison.OrdinalIgnoreCase));
        if (delivery is not { State: DeliveryState.Delivered or DeliveryState.Dead })
        {
            return null;
        }

        var reply = await journal.GetReplyAsync(messageId, delivery.Destination, cancellationToken);
        return new FinishedReply(messageId, delivery.Destination, delivery.State == DeliveryState.Delivered, reply, delivery.LastError);
    }
}
