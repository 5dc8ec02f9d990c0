using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sluice.Journal;
using Sluice.Journal.Sqlite;
using Sluice.Observability;
using Sluice.Testing;

namespace Sluice.Tests.Observability;

/// <summary>The journal's counts are an aggregate query: a storm of scrapes and dashboards must cost one per period.</summary>
public sealed class JournalSnapshotCacheTests
{
    [Fact]
    public async Task Many_readers_at_once_cost_one_query_and_a_stale_snapshot_is_read_again()
    {
        using var folder = new TempFolder();
        await using var real = new SqliteJournal(Options.Create(new SqliteJournalOptions { Path = folder.File("journal.db") }));
        await real.InitializeAsync(CancellationToken.None);
        var journal = CountingJournal.Wrap(real);
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-24T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var cache = new JournalSnapshotCache(journal, time, Options.Create(new ObservabilityOptions { StatsMaxAge = TimeSpan.FromSeconds(1) }));

        var snapshots = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => cache.GetAsync(CancellationToken.None))));
        Assert.Single(snapshots.Distinct());
        Assert.Equal(1, CountingJournal.Calls(journal, nameof(IJournal.GetStatsAsync)));

        time.Advance(TimeSpan.FromMilliseconds(900));
        await cache.GetAsync(CancellationToken.None);
        Assert.Equal(1, CountingJournal.Calls(journal, nameof(IJournal.GetStatsAsync)));

        time.Advance(TimeSpan.FromMilliseconds(200));
        var fresh = await cache.GetAsync(CancellationToken.None);
        Assert.Equal(2, CountingJournal.Calls(journal, nameof(IJournal.GetStatsAsync)));
        Assert.Same(fresh, cache.Last);
        Assert.Equal(time.GetUtcNow(), fresh.TakenAt);
    }

    /// <summary>Passes every call to a real journal and counts them by method.</summary>
    public class CountingJournal : DispatchProxy
    {
        private readonly ConcurrentDictionary<string, int> _calls = new();
        private IJournal _inner = null!;

        public static IJournal Wrap(IJournal inner)
        {
            var proxy = Create<IJournal, CountingJournal>();
            ((CountingJournal)(object)proxy)._inner = inner;
            return proxy;
        }

        public static int Calls(IJournal proxy, string method) => ((CountingJournal)(object)proxy)._calls.GetValueOrDefault(method);

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.AddOrUpdate(targetMethod!.Name, 1, (_, n) => n + 1);
            return targetMethod.Invoke(_inner, args);
        }
    }
}
