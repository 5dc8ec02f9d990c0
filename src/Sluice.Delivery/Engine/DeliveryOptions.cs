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

    /// <summary>Most sends in flight at once: the legacy system is never asked for more.</summary>
    [Range(1, 10_000)]
    public int Concurrency { get; set; } = 8;

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
