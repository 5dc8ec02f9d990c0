using System.Globalization;

namespace Sluice.Journal.Modules;

/// <summary>Applies modules' schema steps, tracked per module, on either engine.</summary>
public static class ModuleMigrations
{
    /// <summary>
    /// Applies each module's missing steps inside <paramref name="session"/>'s transaction; the caller holds
    /// whatever lock keeps two nodes from migrating at once. Returns the steps applied, as (module, version).
    /// </summary>
    public static async Task<IReadOnlyList<(string Module, int Version)>> ApplyAsync(
        JournalSession session, IEnumerable<IJournalModule> modules, CancellationToken cancellationToken)
    {
        var history = session.Table("module_migrations");
        await using (var create = session.Command(
            $"CREATE TABLE IF NOT EXISTS {history} (module text NOT NULL, version integer NOT NULL, PRIMARY KEY (module, version))"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        var applied = new List<(string, int)>();
        foreach (var module in modules)
        {
            int version;
            await using (var current = session.Command($"SELECT COALESCE(MAX(version), 0) FROM {history} WHERE module = @p0", module.Name))
            {
                version = Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            var steps = module.Migrations(session.Engine);
            if (version > steps.Count)
            {
                throw new InvalidOperationException(
                    $"The '{module.Name}' tables are at version {version}, newer than this Sluice knows ({steps.Count}): upgrade Sluice.");
            }

            for (var step = version; step < steps.Count; step++)
            {
                await using (var migrate = session.Command(steps[step].Replace("{schema}", session.Schema, StringComparison.Ordinal)))
                {
                    await migrate.ExecuteNonQueryAsync(cancellationToken);
                }

                await using (var record = session.Command($"INSERT INTO {history} (module, version) VALUES (@p0, @p1)", module.Name, step + 1))
                {
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                applied.Add((module.Name, step + 1));
            }
        }

        return applied;
    }

    /// <summary>Lets every module that <see cref="IJournalModule.Handles"/> a kind in the batch add its rows.</summary>
    public static async ValueTask NotifyAppendingAsync(
        IJournalModule[] modules, JournalSession session, List<NewMessage> messages, CancellationToken cancellationToken)
    {
        foreach (var module in modules)
        {
            if (Concerns(module, messages))
            {
                await module.OnAppendingAsync(session, messages, cancellationToken);
            }
        }
    }

    /// <summary>Whether any module must see this batch: then it needs a transaction even where one statement would do.</summary>
    public static bool AnyConcerned(IJournalModule[] modules, IReadOnlyList<NewMessage> messages)
    {
        foreach (var module in modules)
        {
            if (Concerns(module, messages))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Concerns(IJournalModule module, IReadOnlyList<NewMessage> messages)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            if (module.Handles(messages[i].Kind))
            {
                return true;
            }
        }

        return false;
    }
}
