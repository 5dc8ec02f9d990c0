using Microsoft.Extensions.Options;
using Sluice.Journal.Background;

namespace Sluice.Punches.Registry;

/// <summary>Polls the registry's version, so a change made on another node reaches this node's directory.</summary>
internal sealed partial class RegistryRefresher(
    EmployeeDirectory directory, IOptions<PunchesOptions> options, TimeProvider time, ILogger<RegistryRefresher> logger)
    : PeriodicService(options.Value.RegistryRefreshInterval, time)
{
    protected override Task RunRoundAsync(CancellationToken cancellationToken) => directory.RefreshIfStaleAsync(cancellationToken);

    [LoggerMessage(EventName = "LogRefreshFailed", Level = LogLevel.Warning, Message = "Could not refresh the employee registry; will try again.")]
    protected override partial void OnRoundFailed(Exception exception);
}
