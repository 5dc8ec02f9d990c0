using Microsoft.Data.Sqlite;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    public async Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<NewMessage> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return [];
        }

        try
        {
            return await WriteAsync(
                static (connection, transaction, state, ct) => state.Self.AppendBatchAsync(connection, transaction, state.Self._append!, state.Batch, ct),
                (Self: this, Batch: batch), cancellationToken);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 13 /* SQLITE_FULL */ or 5 /* BUSY */ or 6 /* LOCKED */ or 10 /* IOERR */)
        {
            throw new JournalUnavailableException($"The journal cannot write: {ex.Message}", TimeSpan.FromSeconds(5), ex);
        }
    }

    /// <summary>
    /// Stores a batch in a fixed number of statements whatever its size: the rows travel as one JSON parameter per
    /// table, expanded by <c>json_each</c> inside SQLite. Binding parameters row by row cost more than the inserts.
    /// </summary>
    /// <param name="commands">Prepared on <paramref name="connection"/>: the writer's for intake, the bookkeeper's for follow-ups.</param>
    private async Task<IReadOnlyList<AppendResult>> AppendBatchAsync(
        SqliteConnection connection, SqliteTransaction transaction, SqliteAppendCommands commands, IReadOnlyList<NewMessage> batch,
        CancellationToken cancellationToken)
    {
        commands.Enlist(transaction);
        var results = new AppendResult?[batch.Count];
        commands.ResolveClaims(batch, results);
        var toStore = AppendResults.ToStore(batch, results);
        if (toStore.Count > 0 && _modules.Length > 0)
        {
            await ModuleMigrations.NotifyAppendingAsync(_modules, Session(connection, transaction), toStore, cancellationToken);
            commands.Enlist(transaction);
        }

        if (toStore.Count > 0)
        {
            commands.Insert(toStore);
        }

        return AppendResults.Complete(results, toStore);
    }
}
