namespace Sluice.LegacySimulator;

/// <param name="Received">Every request that reached it, refused ones included.</param>
/// <param name="Unique">Distinct idempotency keys applied: the number of real effects.</param>
/// <param name="Duplicates">Requests applied again under a key already applied (answered, not re-applied).</param>
/// <param name="Rejected">Refused with 503 (over capacity or in an outage).</param>
/// <param name="Failed">Failed with 500 by the error rate.</param>
/// <param name="InFlight">Requests being worked on now (not counting those queued).</param>
/// <param name="MaxInFlight">Most requests it ever worked on at once: never more than its capacity.</param>
/// <param name="MaxQueued">Most requests that waited for a worker at once.</param>
/// <param name="LatencyP50Ms">Median time from arrival to answer of the requests it took, queueing included.</param>
/// <param name="LatencyP99Ms">The same, 99th percentile.</param>
public sealed record SimulatorStats(
    long Received,
    long Unique,
    long Duplicates,
    long Rejected,
    long Failed,
    int InFlight,
    int MaxInFlight,
    int MaxQueued,
    double LatencyP50Ms,
    double LatencyP99Ms);

/// <summary>One applied request, as the simulator saw it.</summary>
public sealed record ReceivedRequest(
    long Number,
    DateTimeOffset At,
    string Method,
    string Path,
    string? IdempotencyKey,
    bool Duplicate,
    IReadOnlyDictionary<string, string> Headers,
    string Body);
