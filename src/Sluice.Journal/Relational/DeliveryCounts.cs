namespace Sluice.Journal.Relational;

/// <summary>Collects per-destination, per-state row counts (as a GROUP BY returns them) into <see cref="DestinationStats"/>.</summary>
public sealed class DeliveryCounts
{
    private const int Retrying = 5;
    private readonly SortedDictionary<string, long[]> _counts = new(StringComparer.Ordinal);

    /// <param name="retrying">Of <paramref name="count"/>, the pending rows that have failed at least once.</param>
    public void Add(string destination, int state, long count, long retrying)
    {
        if (!_counts.TryGetValue(destination, out var row))
        {
            _counts[destination] = row = new long[6];
        }

        row[state] = count;
        row[Retrying] += retrying;
    }

    public IReadOnlyList<DestinationStats> ToStats() => _counts
        .Select(c => new DestinationStats(c.Key,
            Pending: c.Value[(int)DeliveryState.Pending],
            InFlight: c.Value[(int)DeliveryState.InFlight],
            Delivered: c.Value[(int)DeliveryState.Delivered],
            Retrying: c.Value[Retrying],
            Dead: c.Value[(int)DeliveryState.Dead],
            Discarded: c.Value[(int)DeliveryState.Discarded]))
        .ToList();
}
