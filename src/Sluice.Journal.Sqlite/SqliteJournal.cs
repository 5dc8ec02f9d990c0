using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;

namespace Sluice.Journal.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode with <c>synchronous=FULL</c>, so a commit has
/// reached the disk before it returns. All writes go through one connection, one at a time: SQLite
/// has a single writer anyway, and queueing in-process beats spinning on SQLITE_BUSY.
/// </summary>
public sealed partial class SqliteJournal : IJournal, IJournalDatabase, IAsyncDisposable
{
    /// <summary>Instants are Unix milliseconds here.</summary>
    private static readonly JournalRows Rows = new(static (reader, ordinal) => UnixTime.FromMs(reader.GetInt64(ordinal)));

    private readonly SqliteJournalOptions _options;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly IJournalModule[] _modules;
    private SqliteConnection? _writer;
    private SqliteConnection? _bookkeeper;
    private SqliteAppendCommands? _append;

    /// <summary>The same statements on the bookkeeper, for the follow-ups outcomes append in their own transaction.</summary>
    private SqliteAppendCommands? _followUps;
    private SqliteCheckpointer? _checkpointer;

    public SqliteJournal(IOptions<SqliteJournalOptions> options, IEnumerable<IJournalModule>? modules = null)
    {
        _options = options.Value;
        _modules = modules?.ToArray() ?? [];
        var fullPath = System.IO.Path.GetFullPath(_options.Path);
        FilePath = fullPath;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = Math.Max(1, (int)Math.Ceiling(_options.BusyTimeout.TotalSeconds)),
        }.ToString();
    }

    public string FilePath { get; }

    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            if (_writer is not null)
            {
                return;
            }

            var connection = Open();
            Execute(connection, "PRAGMA journal_mode = WAL");
            ConfigureWriter(connection, durable: true);
            await MigrateAsync(connection, cancellationToken);
            var bookkeeper = new SqliteConnection(_connectionString);
            bookkeeper.Open();
            ConfigureWriter(bookkeeper, durable: false);
            _writer = connection;
            _bookkeeper = bookkeeper;
            _append = new SqliteAppendCommands(connection);
            _followUps = new SqliteAppendCommands(bookkeeper);
            _checkpointer = new SqliteCheckpointer(_connectionString, _writeGate);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Creates the folder and opens the writer's connection; a path Sluice cannot write to is named with its setting.</summary>
    private SqliteConnection Open()
    {
        try
        {
            var folder = System.IO.Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            var connection = new SqliteConnection(_connectionString);
            connection.Open();

            // Opening reads; a read-only file or folder only fails at the first write, so ask for the write lock now.
            Execute(connection, "BEGIN IMMEDIATE; ROLLBACK");
            return connection;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new JournalStartupException(
                $"Journal:Path '{FilePath}' cannot be opened for writing ({ex.Message.TrimEnd('.')}). " +
                "Give a file in a folder this user may write to, e.g. --Journal:Path=/var/lib/sluice/sluice.db.", ex);
        }
    }

    public async Task ProbeWriteAsync(CancellationToken cancellationToken)
    {
        await WriteAsync(
            static (connection, transaction, now) =>
            {
                using var command = Command(connection, transaction, SqliteSql.Probe);
                command.Parameters.AddWithValue("$at", now);
                command.ExecuteNonQuery();
                return 0;
            },
            DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(),
            cancellationToken);
    }

    private void ConfigureWriter(SqliteConnection connection, bool durable)
    {
        // FULL: the WAL is fsync'd at every commit. This is the durability promise; never relax it for intake.
        // Leases and delivery outcomes use NORMAL: losing the last of them in a power cut only means a message
        // is sent again (the idempotency key makes that harmless), and the next intake commit's fsync covers
        // them anyway because the WAL is written in order. Sparing their fsyncs leaves the disk to intake.
        Execute(connection, durable ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");
        Execute(connection, $"PRAGMA busy_timeout = {(int)_options.BusyTimeout.TotalMilliseconds}");
        Execute(connection, "PRAGMA temp_store = MEMORY");
        Execute(connection, "PRAGMA wal_autocheckpoint = 0");
        Execute(connection, $"PRAGMA journal_size_limit = {SqliteCheckpointer.WalSizeLimitBytes}");
        // 16 MB each for the two writing connections: appends touch the right edge of each tree and leases a small
        // partial index, so a larger cache bought no throughput and held the process above 300 MB after a burst.
        Execute(connection, "PRAGMA cache_size = -16384");
        if (_options.MaxSizeMb is { } maxMb)
        {
            var pageSize = Convert.ToInt64(Scalar(connection, "PRAGMA page_size"), CultureInfo.InvariantCulture);
            Execute(connection, $"PRAGMA max_page_count = {maxMb * 1024L * 1024L / pageSize}");
        }
    }

    /// <summary>Runs one write transaction, serialised with every other write.</summary>
    /// <param name="durable">False only for leases and delivery outcomes, which may be repeated after a crash.</param>
    private Task<TResult> WriteAsync<TState, TResult>(
        Func<SqliteConnection, SqliteTransaction, TState, TResult> work,
        TState state,
        CancellationToken cancellationToken,
        bool durable = true) =>
        WriteAsync(static (connection, transaction, s, _) => Task.FromResult(s.Work(connection, transaction, s.State)),
            (Work: work, State: state), cancellationToken, durable);

    /// <inheritdoc cref="WriteAsync{TState, TResult}(Func{SqliteConnection, SqliteTransaction, TState, TResult}, TState, CancellationToken, bool)"/>
    private async Task<TResult> WriteAsync<TState, TResult>(
        Func<SqliteConnection, SqliteTransaction, TState, CancellationToken, Task<TResult>> work,
        TState state,
        CancellationToken cancellationToken,
        bool durable = true)
    {
        await _writeGate.WaitAsync(cancellationToken);
        try
        {
            var connection = (durable ? _writer : _bookkeeper)
                ?? throw new InvalidOperationException("The journal has not been initialised.");
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = await work(connection, transaction, state, cancellationToken);
            transaction.Commit();
            return result;
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = Command(connection, null, sql);
        return command.ExecuteScalar();
    }

    public async ValueTask DisposeAsync()
    {
        if (_checkpointer is { } checkpointer)
        {
            _checkpointer = null;
            await checkpointer.DisposeAsync();
        }

        _append?.Dispose();
        _followUps?.Dispose();
        if (_writer is not null)
        {
            await _writer.DisposeAsync();
        }

        if (_bookkeeper is not null)
        {
            await _bookkeeper.DisposeAsync();
        }

        _writer = null;
        _bookkeeper = null;
        _writeGate.Dispose();
    }
}
