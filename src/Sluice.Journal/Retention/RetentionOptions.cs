using System.ComponentModel.DataAnnotations;

namespace Sluice.Journal.Retention;

/// <summary>The <c>Journal:Retention</c> section: how long finished messages are kept.</summary>
public sealed class RetentionOptions
{
    /// <summary>Finished messages (delivered or discarded everywhere) are deleted this long after they finished.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Set false to keep every message for ever.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the pruner looks for finished messages.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Most messages deleted per transaction, so pruning never holds the journal for long.</summary>
    [Range(1, 1_000_000)]
    public int BatchSize { get; set; } = 10_000;
}
