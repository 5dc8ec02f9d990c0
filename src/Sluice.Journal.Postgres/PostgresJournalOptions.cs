using System.ComponentModel.DataAnnotations;

namespace Sluice.Journal.Postgres;

/// <summary>The <c>Journal</c> section when <c>Journal:Engine</c> is <c>postgres</c>.</summary>
public sealed class PostgresJournalOptions
{
    /// <summary>Bound from <c>ConnectionStrings:Journal</c>.</summary>
    [Required(ErrorMessage = "ConnectionStrings:Journal is required when Journal:Engine is postgres.")]
    public string? ConnectionString { get; set; }

    /// <summary>The PostgreSQL schema that holds the journal's tables.</summary>
    [Required]
    [RegularExpression("^[a-z_][a-z0-9_]{0,62}$", ErrorMessage = "Journal:Schema must be a lower-case SQL identifier.")]
    public string Schema { get; set; } = "sluice";

    /// <summary>Most connections this node opens to the journal database.</summary>
    [Range(2, 1_000)]
    public int MaxConnections { get; set; } = 20;

    /// <summary>A statement still running after this fails, and intake answers 503.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(15);
}
