using System.ComponentModel.DataAnnotations;

namespace Sluice.Journal.Sqlite;

public sealed class SqliteJournalOptions
{
    /// <summary>The database file; its folder is created when missing.</summary>
    [Required]
    public string Path { get; set; } = "data/sluice.db";

    /// <summary>How long a write waits for a lock held elsewhere before the request is refused with 503.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Optional cap on the file's size: past it intake answers 503 instead of filling the disk.</summary>
    [Range(1, int.MaxValue)]
    public int? MaxSizeMb { get; set; }
}
