using System.Globalization;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Migrations;

/// <summary>A module's history: its rows in <c>module_migrations</c>, the same table on both engines.</summary>
public sealed class ModuleHistory(string module) : IMigrationHistory
{
    public string Owner => $"the '{module}' tables";

    public async Task<int> VersionAsync(JournalSession session, CancellationToken cancellationToken)
    {
        var history = session.Table("module_migrations");
        await session.ExecuteAsync(
            $"CREATE TABLE IF NOT EXISTS {history} (module text NOT NULL, version integer NOT NULL, PRIMARY KEY (module, version))",
            cancellationToken);
        await using var current = session.Command($"SELECT COALESCE(MAX(version), 0) FROM {history} WHERE module = @p0", module);
        return Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public Task RecordAsync(JournalSession session, int version, string description, CancellationToken cancellationToken) =>
        session.ExecuteAsync($"INSERT INTO {session.Table("module_migrations")} (module, version) VALUES (@p0, @p1)",
            cancellationToken, module, version);
}
