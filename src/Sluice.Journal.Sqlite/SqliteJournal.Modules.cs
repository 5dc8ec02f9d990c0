using Microsoft.Data.Sqlite;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Sqlite;

public sealed partial class SqliteJournal
{
    private const string Schema = "main";

    public JournalEngine Engine => JournalEngine.Sqlite;

    public Task<T> WriteAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        WriteAsync(static (connection, transaction, work, ct) => work(Session(connection, transaction), ct), work, cancellationToken);

    public async Task<T> ReadAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = OpenReader();
        return await work(Session(connection, null), cancellationToken);
    }

    private static JournalSession Session(SqliteConnection connection, SqliteTransaction? transaction) =>
        new(JournalEngine.Sqlite, connection, transaction, Schema);

    private async Task MigrateModulesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        if (_modules.Length == 0)
        {
            return;
        }

        // One process owns the file (the write path is in-process), so the transaction is lock enough.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await ModuleMigrations.ApplyAsync(Session(connection, transaction), _modules, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
