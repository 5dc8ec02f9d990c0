using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Sluice.Journal.GroupCommit;

namespace Sluice.Journal.Postgres;

/// <summary>
/// Listens on <see cref="PostgresJournal.WorkChannel"/> so this node's idle delivery loops wake as soon as any
/// node commits new work. Notifications are only a shortcut: if the connection drops, the loops still find
/// the work at their next poll, and the listener reconnects.
/// </summary>
internal sealed partial class PostgresWorkListener(
    PostgresJournal journal, IEnumerable<IAppendObserver> observers, ILogger<PostgresWorkListener> logger) : BackgroundService
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is NpgsqlException or TimeoutException or InvalidOperationException)
            {
                LogListenFailed(ex, ReconnectDelay);
                await Task.Delay(ReconnectDelay, stoppingToken);
            }
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = await journal.DataSource.OpenConnectionAsync(stoppingToken);
        connection.Notification += (_, e) => Announce(e.Payload);
        await using (var listen = new NpgsqlCommand($"LISTEN {PostgresJournal.WorkChannel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        // Whatever was committed while not listening is found by the first poll; wake everyone once now anyway.
        Announce("");
        while (!stoppingToken.IsCancellationRequested)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void Announce(string payload)
    {
        var destinations = payload.Split(',', StringSplitOptions.RemoveEmptyEntries);
        foreach (var observer in observers)
        {
            observer.OnCommitted(destinations);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the journal's work notifications; reconnecting in {Delay}.")]
    private partial void LogListenFailed(Exception exception, TimeSpan delay);
}
