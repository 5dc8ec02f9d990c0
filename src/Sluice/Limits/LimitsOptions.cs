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

    /// <summary>Longest a request may take before it is answered 504, unless its endpoint says otherwise.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest an intake request may take, from the first byte of its body to its commit.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan IntakeRequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Requests a second per caller (API key, person, or client address when anonymous); 0 turns rate limiting off.</summary>
    [Range(0, 1_000_000)]
    public int RatePerSecond { get; set; } = 100;

    /// <summary>Requests a caller may send at once after a quiet spell; default two seconds' worth.</summary>
    [Range(0, 10_000_000)]
    public int? RateBurst { get; set; }

    public int Burst => RateBurst is > 0 ? RateBurst.Value : Math.Max(1, RatePerSecond * 2);
}
