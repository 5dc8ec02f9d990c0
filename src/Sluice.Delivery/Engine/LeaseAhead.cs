using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Leases a destination's due messages from the journal ahead of the slots that will send them, and hands them out
/// a request (one message, or a batch) at a time. Used by the worker's loop only.
/// </summary>
internal sealed class LeaseAhead(IJournal journal, string destination, string owner, int batchSize, DeliveryOptions engine)
{
    private readonly Queue<LeasedDelivery> _ready = new();

    public bool IsEmpty => _ready.Count == 0;

    public int BatchSize => batchSize;

    /// <summary>Leases up to <paramref name="requests"/> requests' worth, capped at <c>LeaseBatchSize</c> (or one batch).</summary>
    /// <returns>False when nothing is due.</returns>
    /// <remarks>Leasing a limit's worth at once makes a busy destination cost the journal one round trip per batch of
    /// sends rather than one per send, while a send still starts the moment a slot frees.</remarks>
    public async Task<bool> LeaseAsync(int requests, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var count = Math.Min(requests * batchSize, Math.Max(engine.LeaseBatchSize, batchSize));
        var leases = await journal.LeaseAsync(new LeaseRequest(destination, count, owner, now, engine.LeaseDuration), cancellationToken);
        foreach (var lease in leases)
        {
            _ready.Enqueue(lease);
        }

        return leases.Count > 0;
    }

    /// <summary>How long until the next message falls due; never longer than the poll interval.</summary>
    public async Task<TimeSpan> UntilNextDueAsync(TimeProvider time, CancellationToken cancellationToken)
    {
        var due = await journal.GetNextDueAsync(destination, cancellationToken);
        var untilDue = due is { } at ? at - time.GetUtcNow() : engine.PollInterval;
        return untilDue < engine.PollInterval ? untilDue : engine.PollInterval;
    }

    /// <summary>The next request's leases, skipping any that ran out while waiting: those may already be another worker's.</summary>
    public bool TryTakeRequest(DateTimeOffset now, out LeasedDelivery[] request)
    {
        var taken = new List<LeasedDelivery>(batchSize);
        while (taken.Count < batchSize && _ready.TryDequeue(out var lease))
        {
            if (lease.LeasedUntil > now)
            {
                taken.Add(lease);
            }
        }

        request = [.. taken];
        return request.Length > 0;
    }

    /// <summary>Everything leased and not yet handed out, to be given back.</summary>
    public IReadOnlyList<LeasedDelivery> TakeAll()
    {
        var all = _ready.ToList();
        _ready.Clear();
        return all;
    }
}
