using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Sluice.Journal;

namespace Sluice.Observability;

/// <summary>
/// Gauges of the journal's per-destination counts (all nodes), read from each gateway's
/// <see cref="JournalSnapshotCache"/>; the metrics endpoint refreshes the cache before each scrape.
/// </summary>
/// <remarks>
/// Static like the journal's and delivery's instruments: an exporter keeps the first instrument of a name it
/// sees, so per-host instruments would vanish from the other hosts of a process (as tests run them).
/// </remarks>
public static class GatewayMetrics
{
    public const string MeterName = GatewayMeter.Name;

    private static readonly Meter Meter = new(MeterName);

    /// <summary>The journals of the gateways running in this process.</summary>
    private static readonly ConcurrentDictionary<JournalSnapshotCache, byte> Caches = new();

    /// <summary>One gauge per count of a destination, held here for as long as the meter lives.</summary>
    private static readonly IReadOnlyList<ObservableGauge<long>> Gauges =
    [
        Gauge("sluice.destination.backlog", "Messages not yet delivered: pending plus in flight.", s => s.Backlog),
        Gauge("sluice.destination.pending", "Messages waiting for a send (retrying included).", s => s.Pending),
        Gauge("sluice.destination.in_flight", "Messages leased for a send, on any node.", s => s.InFlight),
        Gauge("sluice.destination.retrying", "Pending messages that failed at least once.", s => s.Retrying),
        Gauge("sluice.destination.delivered", "Messages the destination has (until retention deletes them).", s => s.Delivered),
        Gauge("sluice.destination.dead", "Dead letters waiting for replay or discard.", s => s.Dead),
    ];

    internal static void Track(JournalSnapshotCache cache) => Caches[cache] = 0;

    internal static void Untrack(JournalSnapshotCache cache) => Caches.TryRemove(cache, out _);

    private static ObservableGauge<long> Gauge(string name, string description, Func<DestinationStats, long> value) =>
        Meter.CreateObservableGauge(
            name,
            () => Caches.Keys.SelectMany(c => c.Last?.Stats ?? []).Select(s =>
                new Measurement<long>(value(s), new KeyValuePair<string, object?>("destination", s.Destination))),
            "{message}",
            description);
}
