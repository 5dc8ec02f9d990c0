using Sluice.Journal.Modules;

namespace Sluice.Journal.Migrations;

/// <summary>
/// Brings a journal database up to date on either engine: the journal's own steps, then each module's, all inside
/// the session's one transaction, so a process sees all of the schema or none of it. The engine opens that
/// transaction and first takes whatever lock keeps two processes from migrating at once.
/// </summary>
/// <remarks>
/// Not DbUp: it reads what ran from the history of script names it keeps itself, before any script runs, so it
/// can neither read the histories databases already have nor wait on PostgreSQL's advisory lock before reading;
/// and its engine is synchronous, without a cancellation token.
/// </remarks>
public static class SchemaMigrator
{
    /// <summary>Applies every missing step; returns those this call applied, oldest first.</summary>
    public static async Task<IReadOnlyList<AppliedMigration>> MigrateAsync(
        JournalSession session, IMigrationHistory journal, IReadOnlyList<MigrationStep> steps, IEnumerable<IJournalModule> modules,
        CancellationToken cancellationToken)
    {
        var applied = new List<AppliedMigration>();
        await ApplyAsync(session, journal, null, steps, applied, cancellationToken);
        foreach (var module in modules)
        {
            var moduleSteps = module.Migrations(session.Engine)
                .Select((sql, i) => new MigrationStep($"{module.Name} {i + 1}", sql)).ToList();
            await ApplyAsync(session, new ModuleHistory(module.Name), module.Name, moduleSteps, applied, cancellationToken);
        }

        return applied;
    }

    private static async Task ApplyAsync(
        JournalSession session, IMigrationHistory history, string? module, IReadOnlyList<MigrationStep> steps, List<AppliedMigration> applied,
        CancellationToken cancellationToken)
    {
        var version = await history.VersionAsync(session, cancellationToken);
        if (version > steps.Count)
        {
            // A database an upgraded node already migrated: running older code on it could corrupt what it does not know.
            throw new InvalidOperationException(
                $"The database holds {history.Owner} at version {version}, newer than this Sluice knows ({steps.Count}): upgrade Sluice.");
        }

        for (var step = version; step < steps.Count; step++)
        {
            var (description, sql) = steps[step];
            await session.ExecuteAsync(sql.Replace("{schema}", session.Schema, StringComparison.Ordinal), cancellationToken);
            await history.RecordAsync(session, step + 1, description, cancellationToken);
            applied.Add(new AppliedMigration(module, step + 1, description));
        }
    }
}

/// <summary>A step one migration applied: the module's (null for the journal's own), its number, and what it does.</summary>
public readonly record struct AppliedMigration(string? Module, int Version, string Description);
