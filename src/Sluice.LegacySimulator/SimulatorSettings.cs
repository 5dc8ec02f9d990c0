namespace Sluice.LegacySimulator;

/// <summary>How the simulated legacy system behaves; all of it can change at run time through <c>POST /_sim/config</c>.</summary>
public sealed record SimulatorSettings
{
    /// <summary>Time each accepted request takes.</summary>
    public TimeSpan Latency { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// When set, each request takes a time drawn uniformly from [<see cref="Latency"/>, <see cref="LatencyMax"/>]
    /// instead of exactly <see cref="Latency"/>: a save that takes "a random 0 to 1 s", as seed 004's order processor does.
    /// </summary>
    public TimeSpan? LatencyMax { get; init; }

    /// <summary>Requests it works on at once; more wait in its queue, so their latency grows.</summary>
    public int Capacity { get; init; } = 50;

    /// <summary>Requests that may wait for a worker; beyond this it refuses with 503. 0: refuse as soon as all workers are busy.</summary>
    public int QueueLimit { get; init; } = 50;

    /// <summary>Fraction of accepted requests that fail with 500 after the latency, in [0, 1].</summary>
    public double ErrorRate { get; init; }

    /// <summary>When true every request is refused with 503 at once, as during a real outage.</summary>
    public bool Outage { get; init; }

    /// <summary>When not 0, every request is answered with this status at once (e.g. 422: a permanent refusal, so the message is dead-lettered).</summary>
    public int RejectStatus { get; init; }

    /// <summary>The latency as people read it: <c>100 ms</c>, or <c>0-1000 ms (uniform)</c> for a range.</summary>
    public string DescribeLatency() => LatencyMax is { } max
        ? $"{Latency.TotalMilliseconds}-{max.TotalMilliseconds} ms (uniform)"
        : $"{Latency.TotalMilliseconds} ms";

    /// <summary>The time one request takes: fixed, or uniform in the latency range.</summary>
    public TimeSpan DrawLatency() => LatencyMax is { } max && max > Latency
        ? Latency + (max - Latency) * Random.Shared.NextDouble()
        : Latency;

    public IEnumerable<string> Validate()
    {
        if (RejectStatus is not 0 and (< 400 or > 599))
        {
            yield return "rejectStatus must be 0 (off) or between 400 and 599";
        }

        if (Latency < TimeSpan.Zero)
        {
            yield return "latency must not be negative";
        }

        if (LatencyMax is { } max && max < Latency)
        {
            yield return "latencyMax must not be below latency";
        }

        if (Capacity < 1)
        {
            yield return "capacity must be at least 1";
        }

        if (QueueLimit < 0)
        {
            yield return "queueLimit must not be negative";
        }

        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            yield return "errorRate must be between 0 and 1";
        }
    }
}
