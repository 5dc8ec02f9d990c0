using Microsoft.Extensions.Options;

namespace Sluice.Hosting;

/// <summary>
/// The first step of a stop: the node turns not-ready and keeps serving for <see cref="ShutdownOptions.DrainDelay"/>,
/// so a load balancer stops sending before the port closes instead of meeting refused connections.
/// </summary>
/// <remarks>
/// The whole order on SIGTERM, bounded by <see cref="ShutdownOptions.Timeout"/> (the host's ShutdownTimeout):
/// <list type="number">
/// <item>ApplicationStopping: long-lived streams (the dashboard) end.</item>
/// <item>This class (StoppingAsync, before any hosted service stops): <c>/health/ready</c> answers 503; intake still
/// answers 202 for the drain delay.</item>
/// <item>The web server stops (it starts last, so it stops first): no new connections; every accepted request
/// finishes, its commit included, because the journal writer is still running.</item>
/// <item>Hosted services stop in reverse order of registration. A stop hook that must still write (a last ledger
/// record) is a hosted service registered after the journal (as modules are), so its StopAsync runs here, after the
/// last request and before the journal writer.</item>
/// <item>The delivery engine gives back what it leased ahead at once and lets sends under way finish (those that do
/// not are released); the outcome recorder commits their outcomes.</item>
/// <item>The journal writer commits whatever is queued and the process exits 0.</item>
/// </list>
/// </remarks>
internal sealed partial class GracefulShutdown(IOptions<ShutdownOptions> options, TimeProvider time, ILogger<GracefulShutdown> logger)
    : IHostedLifecycleService
{
    private volatile bool _stopping;

    /// <summary>True from the moment the stop begins: readiness fails so no new traffic is routed here.</summary>
    public bool Stopping => _stopping;

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var delay = options.Value.DrainDelay;
        LogDraining(delay.TotalSeconds);
        if (delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(delay, time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The shutdown timeout ran out first: what follows still gets its chance, cut short by the host.
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: not ready from now; still serving for {Seconds} s (Shutdown:DrainDelay) before the port closes.")]
    private partial void LogDraining(double seconds);
}
