using Sluice.Journal.Modules;

namespace Sluice.Journal.Migrations;

/// <summary>
/// Where one owner of tables records how many of its steps a database has run. Each engine keeps the journal's own
/// history where it always has (SQLite's <c>user_version</c>, PostgreSQL's <c>schema_migrations</c>), so databases
/// made by earlier releases upgrade in place; modules share <see cref="ModuleHistory"/>.
/// </summary>
public interface IMigrationHistory
{
    /// <summary>Names the owner in errors, e.g. "the journal schema".</summary>
    string Owner { get; }

    /// <summary>How many steps have run; creates the history first where it is a table that may not exist yet.</summary>
    Task<int> VersionAsync(JournalSession session, CancellationToken cancellationToken);

    /// <summary>Records that step <paramref name="version"/> (counted from 1) has run, in the same transaction as the step.</summary>
    Task RecordAsync(JournalSession session, int version, string description, CancellationToken cancellationToken);
}
