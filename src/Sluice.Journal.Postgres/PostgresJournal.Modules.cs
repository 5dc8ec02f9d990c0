using Microsoft.Extensions.Logging;
using Npgsql;
using Sluice.Journal.Migrations;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Postgres;

public sealed partial class PostgresJournal
{
    public JournalEngine Engine => JournalEngine.Postgres;

    public Task<T> WriteAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RunAsync(static (connection, state, ct) => state.Work(state.Self.Session(connection), ct),
            (Self: this, Work: work), durable: true, transaction: true, cancellationToken);

    public async Task<T> ReadAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        return await work(Session(connection), cancellationToken);
    }

    /// <summary>Npgsql commands join the connection's open transaction by themselves, so none is named.</summary>
    private JournalSession Session(NpgsqlConnection connection) => new(JournalEngine.Postgres, connection, null, _options.Schema);

    /// <summary>
    /// The journal's schema steps and then the modules', in one transaction under an advisory lock: two nodes starting
    /// together apply each step exactly once, and each sees all of the schema or none of it.
    /// </summary>
    private async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _durable.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var session = new JournalSession(JournalEngine.Postgres, connection, transaction, _options.Schema);
        await session.ExecuteAsync($"SELECT pg_advisory_xact_lock({PostgresSchema.MigrationLock})", cancellationToken);
        var applied = await SchemaMigrator.MigrateAsync(session, new PostgresSchema(_options.Schema), PostgresSchema.Steps, _modules, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var step in applied)
        {
            if (step.Module is null)
            {
                LogApplied(_logger, step.Version, step.Description);
            }
            else
            {
                LogModuleApplied(_logger, step.Module, step.Version);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Journal schema migration {Version} applied: {Description}.")]
    private static partial void LogApplied(ILogger logger, int version, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Schema migration {Version} of module {Module} applied.")]
    private static partial void LogModuleApplied(ILogger logger, string module, int version);
}
