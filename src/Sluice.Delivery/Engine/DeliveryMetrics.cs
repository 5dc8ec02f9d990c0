using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Sluice.Delivery.Engine;

/// <summary>Instruments of the delivery engine, tagged by destination.</summary>
public static class DeliveryMetrics
{
    public const string MeterName = "Sluice.Delivery";

    internal static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "sluice.delivery.sent", "{message}", "Send attempts, tagged by destination and outcome.");

    public static readonly Histogram<double> SendDuration = Meter.CreateHistogram<double>(
        "sluice.delivery.send.duration", "s", "Time a destination took to answer one send.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60] });

    /// <summary>Engines running in this process; the gauges read their destinations when observed.</summary>
    private static readonly ConcurrentDictionary<DeliveryEngine, byte> Engines = new();

    public static readonly ObservableGauge<int> ConcurrencyLimit = Meter.CreateObservableGauge(
        "sluice.delivery.concurrency.limit",
        () => Observe(static s => s.ConcurrencyLimit),
        "{request}",
        "Sends a destination may have in flight now (fixed, or as the adaptive limit has learnt).");

    public static readonly ObservableGauge<int> InFlight = Meter.CreateObservableGauge(
        "sluice.delivery.in_flight",
        () => Observe(static s => s.InFlight),
        "{request}",
        "Sends under way per destination.");

    public static readonly ObservableGauge<int> CircuitState = Meter.CreateObservableGauge(
        "sluice.delivery.circuit.state",
        () => Observe(static s => CircuitValue(s.Circuit)),
        null,
        "Circuit breaker per destination: 0 closed, 1 half-open, 2 open.");

    internal static void Track(DeliveryEngine engine) => Engines[engine] = 0;

    internal static void Untrack(DeliveryEngine engine) => Engines.TryRemove(engine, out _);

    internal static int CircuitValue(string circuit) => circuit switch
    {
        "open" or "isolated" => 2,
        "half-open" => 1,
        _ => 0,
    };

    private static IEnumerable<Measurement<int>> Observe(Func<DestinationStatus, int> value) =>
        Engines.Keys.SelectMany(e => e.Status())
            .Select(s => new Measurement<int>(value(s), new KeyValuePair<string, object?>("destination", s.Name)));
}
