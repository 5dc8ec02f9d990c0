using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Replies;

/// <summary>
/// One intake request's <c>Prefer: wait</c>: listens from before the append (so an answer that beats the wait is not
/// missed), waits after the commit, and tells the client the preference was applied either way (RFC 7240 §3).
/// </summary>
internal sealed class PendingWait(ReplyWaiter waiter, HttpResponse response, TimeSpan wait, string destination) : IDisposable
{
    private FinishedDeliveries.Listener? _listener;

    /// <summary>Call with the message's id before appending it.</summary>
    public void Listen(Guid messageId) => _listener ??= waiter.Listen(messageId, destination);

    /// <returns>The legacy system's answer (or the dead letter's problem) if it came in time; null: answer with the receipt.</returns>
    public async Task<ReplyResults.FinishedResult?> AnswerAsync(AppendResult stored, CancellationToken cancellationToken)
    {
        var applied = PreferWait.Applied(wait);
        if (_listener is not null
            && await waiter.WaitAsync(_listener, stored, destination, wait, cancellationToken) is { } finished
            // Delivered by a sink that keeps no answer: the receipt says as much as we know.
            && (finished.Reply is not null || !finished.Delivered))
        {
            return ReplyResults.Finished(finished, applied);
        }

        ReplyResults.Mark(response, stored.MessageId, applied);
        return null;
    }

    public void Dispose() => _listener?.Dispose();
}
