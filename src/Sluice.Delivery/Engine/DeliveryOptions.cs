using System.ComponentModel.DataAnnotations;

namespace Sluice.Delivery.Engine;

/// <summary>The <c>Delivery</c> section: engine-wide settings and one entry per destination.</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Names this node in lease records; defaults to host name and process id.</summary>
    public string? NodeId { get; set; }

    /// <summary>How long a leased delivery is reserved; past it another worker or node may send it again.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Longest an idle worker sleeps before looking for due work it was not told about.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Most deliveries leased in one round trip.</summary>
    [Range(1, 10_000)]
    public int LeaseBatchSize { get; set; } = 100;

    /// <summary>Most outcomes recorded in one transaction.</summary>
    [Range(1, 100_000)]
    public int OutcomeBatchSize { get; set; } = 2_000;

    public Dictionary<string, DestinationOptions> Destinations { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One downstream system and how hard Sluice may push it.</summary>
public sealed class DestinationOptions
{
    /// <summary>Which sink sends to it: <c>http</c> (default) or another registered kind.</summary>
    public string Sink { get; set; } = "http";

    /// <summary>Most sends in flight at once with the fixed limit: the legacy system is never asked for more.</summary>
    [Range(1, 10_000)]
    public int Concurrency { get; set; } = 8;

    /// <summary>Fixed (<see cref="Concurrency"/>) or adaptive concurrency limit.</summary>
    public ConcurrencyLimitOptions Limit { get; set; } = new();

    /// <summary>Most sends started per second (token bucket), on top of the concurrency limit; unset: no rate limit.</summary>
    [Range(0.001, 1_000_000)]
    public double? RatePerSecond { get; set; }

    /// <summary>Sends the rate limit lets through at once after a quiet spell; default: one second's worth.</summary>
    [Range(1, 1_000_000)]
    public int? Burst { get; set; }

    /// <summary>When the destination is fed: continuously, in flushes at fixed intervals, or inside time windows.</summary>
    public ScheduleOptions Schedule { get; set; } = new();

    /// <summary>Several messages per request, for destinations that accept them (the sink reads the batch's shape).</summary>
    public BatchOptions Batch { get; set; } = new();

    /// <summary>A send still unanswered after this counts as a transient failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a message that keeps failing is dead-lettered.</summary>
    [Range(1, 1_000_000)]
    public int MaxAttempts { get; set; } = 12;

    /// <summary>Age after which a message that keeps failing is dead-lettered, whatever its attempt count.</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Retry delays grow as <c>BackoffBase * 2^(attempt-1)</c> up to <see cref="BackoffMax"/>, with full jitter.</summary>
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; set; } = TimeSpan.FromMinutes(5);

    public CircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>What of the destination's answer is kept as the reply clients can poll, wait for or be called back with.</summary>
    public ReplyOptions Reply { get; set; } = new();
}

/// <summary>Stops sending to a destination that is failing most requests, then probes it again.</summary>
public sealed class CircuitBreakerOptions
{
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    [Range(2, int.MaxValue)]
    public int MinimumThroughput { get; set; } = 10;

    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}

/// <summary>How many sends a destination gets at once.</summary>
public sealed class ConcurrencyLimitOptions
{
    /// <summary><c>fixed</c>: always <see cref="DestinationOptions.Concurrency"/>. <c>adaptive</c>: learnt from latency and refusals.</summary>
    public string Kind { get; set; } = "fixed";

    /// <summary>Adaptive: where the limit starts.</summary>
    public int Initial { get; set; } = 4;

    /// <summary>Adaptive: the limit never goes below this.</summary>
    public int Min { get; set; } = 1;

    /// <summary>Adaptive: the limit never goes above this, whatever the destination seems to take.</summary>
    public int Max { get; set; } = 200;

    public bool IsAdaptive => string.Equals(Kind, "adaptive", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The engine's side of the <c>Batch</c> section; the sink reads how a batch is shaped.</summary>
public sealed class BatchOptions
{
    /// <summary>Most messages per request; 1 sends each message on its own. Each request counts once against the limits.</summary>
    [Range(1, 500)]
    public int Size { get; set; } = 1;
}

/// <summary>When a destination is fed.</summary>
public sealed class ScheduleOptions
{
    /// <summary><c>continuous</c> (default), <c>interval</c> (a flush of everything pending every <see cref="Every"/>) or <c>windows</c>.</summary>
    public string Mode { get; set; } = "continuous";

    /// <summary>Interval: time between flushes, counted from midnight in <see cref="TimeZone"/>.</summary>
    public TimeSpan Every { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Windows: daily local times such as <c>22:00-06:00</c> (a window may cross midnight).</summary>
    public string[] Windows { get; set; } = [];

    /// <summary>IANA time zone of the schedule, e.g. <c>America/Sao_Paulo</c>.</summary>
    public string TimeZone { get; set; } = "UTC";
}
