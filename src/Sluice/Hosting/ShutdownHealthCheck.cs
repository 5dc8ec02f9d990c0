using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Sluice.Hosting;

/// <summary>Not ready while stopping, so a load balancer that probes <c>/health/ready</c> drains the node first.</summary>
internal sealed class ShutdownHealthCheck(GracefulShutdown shutdown) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(shutdown.Stopping
            ? HealthCheckResult.Unhealthy("Stopping: finishing what it accepted.")
            : HealthCheckResult.Healthy("Not stopping."));
}
