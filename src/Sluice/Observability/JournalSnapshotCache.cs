using Microsoft.Extensions.Options;
using Sluice.Journal;

namespace Sluice.Observability;

/// <summary>Per-destination counts and the oldest dead letters, as read from the journal at one moment.</summary>
public sealed record JournalSnapshot(DateTimeOffset TakenAt, IReadOnlyList<DestinationStats> Stats, IReadOnlyList<DeadLetter> DeadLetters);

/// <summary>
/// Reads the journal's counts at most once per <see cref="ObservabilityOptions.StatsMaxAge"/>, whoever asks:
/// the counts are an aggregate query, so scrapers and dashboards must not each run it.
/// </summary>
public sealed class JournalSnapshotCache(IJournal journal, TimeProvider time, IOptions<ObservabilityOptions> options) : IDisposable
{
    public const int DeadLetterCount = 20;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private JournalSnapshot? _last;

    /// <summary>The latest snapshot, or null before the first read (the metric gauges read this: they cannot wait).</summary>
    public JournalSnapshot? Last => Volatile.Read(ref _last);

    public async Task<JournalSnapshot> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh(Last) is { } cached)
        {
            return cached;
        }

        // One reader at a time; the others wait for its result instead of querying too.
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(Last) is { } meanwhile)
            {
                return meanwhile;
            }

            var stats = await journal.GetStatsAsync(cancellationToken);
            var dead = await journal.GetDeadLettersAsync(new DeadLetterQuery(Limit: DeadLetterCount), cancellationToken);
            var next = new JournalSnapshot(time.GetUtcNow(), stats, dead);
            Volatile.Write(ref _last, next);
            return next;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private JournalSnapshot? Fresh(JournalSnapshot? snapshot) =>
        snapshot is not null && time.GetUtcNow() - snapshot.TakenAt < options.Value.StatsMaxAge ? snapshot : null;
}
