using Microsoft.Extensions.Hosting;

namespace Sluice.Journal.Background;

/// <summary>A background sweep: one round of work on every tick of a timer, for as long as the host runs.</summary>
/// <remarks>
/// A round that fails (the journal starting, or briefly unreachable) is reported to <see cref="OnRoundFailed"/> and the
/// next tick tries again: one bad round must not end the sweep for the life of the process.
/// </remarks>
public abstract class PeriodicService(TimeSpan interval, TimeProvider time) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected abstract Task RunRoundAsync(CancellationToken cancellationToken);

    protected abstract void OnRoundFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, Time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OnRoundFailed(ex);
            }
        }
    }
}
