using System.ComponentModel.DataAnnotations;

namespace Sluice.Limits;

/// <summary>What one request may cost: its body, its time, and how many a caller may send.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Largest request body on any endpoint without a limit of its own.</summary>
    [Range(1_024, long.MaxValue)]
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>Largest body on intake endpoints: a punch is well under 1 KB.</summary>
    [Range(256, long.MaxValue)]
    public long IntakeMaxRequestBodyBytes { get; set; } = 65_536;

    /// <summary>
    /// Longest a request's work may take before it is answered 504 (queries, replays), unless its endpoint says
    /// otherwise. Intake is not cut short by it: once a request is queued for a commit it is stored, so it waits
    /// for its commit, which <c>Journal:BusyTimeout</c> bounds (then 503).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A body arriving slower than this (after <see cref="MinRequestBodyGracePeriod"/>) is cut off with 408: a stalled client holds nothing for long.</summary>
    [Range(1, 1_000_000_000)]
    public double MinRequestBodyBytesPerSecond { get; set; } = 240;

    [Range(typeof(TimeSpan), "00:00:01.001", "00:10:00")]
    public TimeSpan MinRequestBodyGracePeriod { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Requests a second per caller (API key, person, or client address when anonymous); 0 turns rate limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RatePerSecond { get; set; } = 100;

    /// <summary>Requests a caller may send at once after a quiet spell; default two seconds' worth.</summary>
    [Range(0, 10_000_000)]
    public int? RateBurst { get; set; }

    public int Burst => RateBurst is > 0 ? RateBurst.Value : Math.Max(1, RatePerSecond * 2);
}
