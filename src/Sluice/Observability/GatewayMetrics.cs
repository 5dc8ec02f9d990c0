using System.Diagnostics.Metrics;
using Sluice.Journal;

namespace Sluice.Observability;

/// <summary>
/// Gauges of the journal's per-destination counts (all nodes), read from the <see cref="JournalSnapshotCache"/>;
/// the metrics endpoint refreshes the cache before each scrape.
/// </summary>
public sealed class GatewayMetrics
{
    public const string MeterName = "Sluice.Gateway";

    public GatewayMetrics(IMeterFactory meters, JournalSnapshotCache cache)
    {
        var meter = meters.Create(MeterName);
        Gauge(meter, cache, "sluice.destination.backlog", "Messages not yet delivered: pending plus in flight.", s => s.Backlog);
        Gauge(meter, cache, "sluice.destination.pending", "Messages waiting for a send (retrying included).", s => s.Pending);
        Gauge(meter, cache, "sluice.destination.in_flight", "Messages leased for a send, on any node.", s => s.InFlight);
        Gauge(meter, cache, "sluice.destination.retrying", "Pending messages that failed at least once.", s => s.Retrying);
        Gauge(meter, cache, "sluice.destination.delivered", "Messages the destination has (until retention deletes them).", s => s.Delivered);
        Gauge(meter, cache, "sluice.destination.dead", "Dead letters waiting for replay or discard.", s => s.Dead);
    }

    private static void Gauge(Meter meter, JournalSnapshotCache cache, string name, string description, Func<DestinationStats, long> value) =>
        meter.CreateObservableGauge(
            name,
            () => (cache.Last?.Stats ?? []).Select(s =>
                new Measurement<long>(value(s), new KeyValuePair<string, object?>("destination", s.Destination))),
            "{message}",
            description);
}
