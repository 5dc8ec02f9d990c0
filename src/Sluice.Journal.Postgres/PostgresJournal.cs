using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Postgres;

/// <summary>
/// The shared journal: several Sluice nodes on one PostgreSQL database. PostgreSQL does the coordination:
/// leases are taken with <c>FOR UPDATE SKIP LOCKED</c>, the order of messages that share an ordering key is
/// kept with transaction-scoped advisory locks, and commits are announced with <c>NOTIFY</c>.
/// </summary>
/// <remarks>
/// Intake commits with <c>synchronous_commit = on</c>: acknowledged means on the server's disk. Leases and
/// delivery outcomes commit with it off; losing the last of them in a server crash only means a message is
/// sent again, which the idempotency key makes harmless.
/// </remarks>
public sealed partial class PostgresJournal : IJournal, IJournalDatabase, IAsyncDisposable
{
    /// <summary>The channel <c>NOTIFY</c> announces new work on; the payload is the destinations, comma-separated.</summary>
    public const string WorkChannel = "sluice_work";

    /// <summary>Instants are <c>timestamptz</c> here.</summary>
    private static readonly JournalRows Rows = new(static (reader, ordinal) => reader.GetFieldValue<DateTimeOffset>(ordinal));

    private readonly PostgresJournalOptions _options;
    private readonly ILogger _logger;
    private readonly NpgsqlDataSource _durable;
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgresSql _sql;
    private readonly IJournalModule[] _modules;
    private readonly string _node = $"{Environment.MachineName}:{Environment.ProcessId}";

    public PostgresJournal(
        IOptions<PostgresJournalOptions> options, ILogger<PostgresJournal>? logger = null, IEnumerable<IJournalModule>? modules = null)
    {
        _options = options.Value;
        _modules = modules?.ToArray() ?? [];
        _logger = logger ?? (ILogger)NullLogger.Instance;
        // Two pools, so no transaction spends a round trip choosing its durability: intake (one writer per node,
        // plus probes and operator actions) commits synchronously; leases, outcomes and reads do not.
        _durable = NpgsqlDataSource.Create(ConnectionString("sluice-intake", 4, synchronousCommit: true));
        _dataSource = NpgsqlDataSource.Create(ConnectionString("sluice", _options.MaxConnections, synchronousCommit: false));
        _sql = new PostgresSql(_options.Schema);
    }

    private NpgsqlConnectionStringBuilder ConnectionString(string application, int maxPoolSize, bool synchronousCommit) =>
        new(_options.ConnectionString)
        {
            MaxPoolSize = maxPoolSize,
            CommandTimeout = Math.Max(1, (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds)),
            ApplicationName = application,
            Options = $"-c synchronous_commit={(synchronousCommit ? "on" : "off")}",
            // The same few statements run thousands of times a second: let the server keep their plans.
            MaxAutoPrepare = 32,
            AutoPrepareMinUsages = 2,
        };

    /// <summary>For the notification listener, which holds one connection of its own.</summary>
    internal NpgsqlDataSource DataSource => _dataSource;

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        try
        {
            await MigrateAsync(cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            // The builder names host, port and database only: the password in the connection string is never printed.
            var target = new NpgsqlConnectionStringBuilder(_options.ConnectionString);
            throw new JournalStartupException(
                $"The PostgreSQL journal (ConnectionStrings:Journal: host {target.Host}, port {target.Port}, database " +
                $"{target.Database ?? target.Username}) cannot be used: {ex.Message.TrimEnd('.')}. " +
                "Start the database or correct the connection string.", ex);
        }
    }

    public async Task ProbeWriteAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _durable.OpenConnectionAsync(cancellationToken);
        await using var command = Command(connection, _sql.Probe, _node);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs work on a pooled connection, in one transaction when it takes more than one statement.</summary>
    /// <param name="durable">False only for leases, delivery outcomes and pruning, which may be repeated after a crash.</param>
    /// <param name="transaction">False when the work is a single statement, which PostgreSQL runs atomically anyway.</param>
    private async Task<TResult> RunAsync<TState, TResult>(
        Func<NpgsqlConnection, TState, CancellationToken, Task<TResult>> work,
        TState state,
        bool durable,
        bool transaction,
        CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await (durable ? _durable : _dataSource).OpenConnectionAsync(cancellationToken);
            if (!transaction)
            {
                return await work(connection, state, cancellationToken);
            }

            await using var scope = await connection.BeginTransactionAsync(cancellationToken);
            var result = await work(connection, state, cancellationToken);
            await scope.CommitAsync(cancellationToken);
            return result;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            throw new JournalUnavailableException($"The journal cannot write: {ex.Message}", TimeSpan.FromSeconds(5), ex);
        }
    }

    /// <summary>The database is down, unreachable, read-only, out of space or too slow: worth trying again later.</summary>
    private static bool IsUnavailable(Exception ex) => ex switch
    {
        PostgresException pg => pg.IsTransient || pg.SqlState is
            PostgresErrorCodes.DiskFull or PostgresErrorCodes.ReadOnlySqlTransaction or PostgresErrorCodes.QueryCanceled or
            PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CannotConnectNow,
        NpgsqlException npgsql => npgsql.IsTransient,
        TimeoutException => true,
        _ => false,
    };

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value ?? DBNull.Value });
        }

        return command;
    }

    public async ValueTask DisposeAsync()
    {
        await _durable.DisposeAsync();
        await _dataSource.DisposeAsync();
    }
}
