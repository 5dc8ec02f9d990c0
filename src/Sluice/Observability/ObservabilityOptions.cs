using System.ComponentModel.DataAnnotations;

namespace Sluice.Observability;

/// <summary>How often the journal's counts are read for metrics and the dashboard, and how often the dashboard updates.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Journal counts younger than this are reused: a scrape storm or many dashboards cost one query per period.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan StatsMaxAge { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the dashboard's event stream sends a snapshot.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan DashboardInterval { get; set; } = TimeSpan.FromSeconds(1);
}
