using Microsoft.Extensions.Options;

namespace Sluice.Punches.Registry;

/// <summary>Polls the registry's version, so a change made on another node reaches this node's directory.</summary>
internal sealed partial class RegistryRefresher(
    EmployeeDirectory directory, IOptions<PunchesOptions> options, TimeProvider time, ILogger<RegistryRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RegistryRefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await directory.RefreshIfStaleAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The journal may be starting, or briefly unreachable: the next tick tries again.
                LogRefreshFailed(ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the employee registry; will try again.")]
    private partial void LogRefreshFailed(Exception exception);
}
