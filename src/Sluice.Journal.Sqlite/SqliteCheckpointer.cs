using Microsoft.Data.Sqlite;

namespace Sluice.Journal.Sqlite;

/// <summary>
/// Moves committed pages from the WAL into the database file on its own connection and thread.
/// </summary>
/// <remarks>
/// SQLite's automatic checkpoint runs inside whichever commit crosses the threshold, so the intake
/// writer would stop to copy and fsync the database file. A passive checkpoint here never blocks
/// the writer: it copies what it can while commits continue into the WAL.
/// </remarks>
internal sealed class SqliteCheckpointer : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private readonly SqliteConnection _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public SqliteCheckpointer(string connectionString)
    {
        _connection = new SqliteConnection(connectionString);
        _connection.Open();
        _loop = Task.Run(RunAsync);
    }

    private async Task RunAsync()
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Checkpoint("PASSIVE");
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Checkpoint(string mode)
    {
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"PRAGMA wal_checkpoint({mode})";
            command.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Busy or interrupted: the next tick tries again; the WAL only grows meanwhile.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Checkpoint("TRUNCATE");
        await _connection.DisposeAsync();
        _stop.Dispose();
    }
}
