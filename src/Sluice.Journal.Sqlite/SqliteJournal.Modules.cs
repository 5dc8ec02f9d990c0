using Microsoft.Data.Sqlite;
using Sluice.Journal.Migrations;
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

    /// <summary>The journal's schema steps and then the modules', in one transaction.</summary>
    private async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // One process owns the file (the write path is in-process), so the write transaction is lock enough.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await SchemaMigrator.MigrateAsync(Session(connection, transaction), new SqliteSchema(), SqliteSchema.Steps, _modules, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
