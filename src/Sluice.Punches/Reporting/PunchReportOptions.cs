using System.ComponentModel.DataAnnotations;

namespace Sluice.Punches.Reporting;

/// <summary>A <c>postgres</c> destination's own settings, beside the common ones (Concurrency, Timeout, ...).</summary>
public sealed class PunchReportOptions
{
    /// <summary>The reporting database; when unset, <c>ConnectionStrings:&lt;destination name&gt;</c>.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The table punches are written to; created when missing.</summary>
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}(\\.[a-z_][a-z0-9_]{0,62})?$", ErrorMessage = "Table must be a lower-case SQL name, optionally schema-qualified.")]
    public string Table { get; set; } = "punches";

    /// <summary>Most connections Sluice opens to the reporting database, whatever the destination's concurrency.</summary>
    [Range(1, 100)]
    public int MaxConnections { get; set; } = 4;
}
