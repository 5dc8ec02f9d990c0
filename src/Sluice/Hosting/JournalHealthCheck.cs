using Microsoft.Extensions.Diagnostics.HealthChecks;
using Sluice.Journal;

namespace Sluice.Hosting;

/// <summary>Ready means able to store: a node that cannot write must not be sent traffic.</summary>
internal sealed class JournalHealthCheck(IJournal journal) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await journal.ProbeWriteAsync(cancellationToken);
            return HealthCheckResult.Healthy("The journal accepts writes.");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("The journal cannot write.", ex);
        }
    }
}
