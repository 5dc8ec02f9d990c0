namespace Sluice.Delivery.Engine;

/// <summary>The live state of one destination's worker on this node.</summary>
public sealed record DestinationStatus(
    string Name,
    string Sink,
    int ConcurrencyLimit,
    int InFlight,
    string Circuit,
    bool Paused,
    DateTimeOffset? HeldUntil,
    DateTimeOffset? ClosedUntil = null,
    DateTimeOffset? CircuitOpenUntil = null)
{
    /// <summary>How long the destination took to answer over the last minute; null when it answered nothing in it.</summary>
    public LatencySummary? Latency { get; init; }
}
