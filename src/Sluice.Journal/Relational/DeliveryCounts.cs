namespace Sluice.Journal.Relational;

/// <summary>Collects per-destination, per-state row counts (as a GROUP BY returns them) into <see cref="DestinationStats"/>.</summary>
public sealed class DeliveryCounts
{
    private const int Retrying = 5;
    private readonly SortedDictionary<string, long[]> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _oldest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SortedSet<string>> _owners = new(StringComparer.Ordinal);

    /// <param name="retrying">Of <paramref name="count"/>, the pending rows that have failed at least once.</param>
    /// <param name="oldest">When the first-stored message of these rows was received (read for waiting states only).</param>
    /// <param name="owners">The distinct lease owners of these rows, comma-separated, as the engine's string aggregate gives them.</param>
    public void Add(string destination, int state, long count, long retrying, DateTimeOffset? oldest = null, string? owners = null)
    {
        if (!_counts.TryGetValue(destination, out var row))
        {
            _counts[destination] = row = new long[6];
        }

        row[state] = count;
        row[Retrying] += retrying;
        if (oldest is { } at && (!_oldest.TryGetValue(destination, out var known) || at < known))
        {
            _oldest[destination] = at;
        }

        if (!string.IsNullOrEmpty(owners))
        {
            if (!_owners.TryGetValue(destination, out var set))
            {
                _owners[destination] = set = new SortedSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(owners.Split(',', StringSplitOptions.RemoveEmptyEntries));
        }
    }

    public IReadOnlyList<DestinationStats> ToStats() => _counts
        .Select(c => new DestinationStats(c.Key,
            Pending: c.Value[(int)DeliveryState.Pending],
            InFlight: c.Value[(int)DeliveryState.InFlight],
            Delivered: c.Value[(int)DeliveryState.Delivered],
            Retrying: c.Value[Retrying],
            Dead: c.Value[(int)DeliveryState.Dead],
            Discarded: c.Value[(int)DeliveryState.Discarded])
        {
            OldestWaitingAt = _oldest.TryGetValue(c.Key, out var oldest) ? oldest : null,
            LeaseOwners = _owners.TryGetValue(c.Key, out var owners) ? [.. owners] : [],
        })
        .ToList();
}
