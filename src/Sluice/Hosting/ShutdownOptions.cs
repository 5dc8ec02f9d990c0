namespace Sluice.Hosting;

/// <summary>How a node stops on SIGTERM (a rolling restart, a scale-in): see <see cref="GracefulShutdown"/>.</summary>
public sealed record ShutdownOptions : ISelfValidatingOptions
{
    public const string Section = "Shutdown";

    /// <summary>
    /// How long a stopping node keeps serving after it turns not-ready, so a load balancer that polls
    /// <c>/health/ready</c> stops sending before the port closes. Zero is right for a single node and for nginx, whose
    /// passive checks move on at the first refused connection; set it to the balancer's interval × failures otherwise.
    /// </summary>
    public TimeSpan DrainDelay { get; init; } = TimeSpan.Zero;

    /// <summary>
    /// The whole stop, drain delay included: past it, requests still open are cut and sends still in flight are
    /// released to be sent again (by this node after a restart, or by another). A process manager must wait longer
    /// (systemd <c>TimeoutStopSec</c>, compose <c>stop_grace_period</c>).
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>What is left for requests and sends after the drain delay; the delivery engine needs ten seconds of it.</summary>
    public static readonly TimeSpan MinimumAfterDrain = TimeSpan.FromSeconds(10);

    public IEnumerable<string> Validate()
    {
        if (DrainDelay < TimeSpan.Zero || DrainDelay > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:DrainDelay must be between 00:00:00 and 00:05:00.";
        }

        if (Timeout > TimeSpan.FromMinutes(30))
        {
            yield return $"{Section}:Timeout must be at most 00:30:00.";
        }

        if (Timeout < DrainDelay + MinimumAfterDrain)
        {
            yield return $"{Section}:Timeout ({Timeout}) must exceed {Section}:DrainDelay ({DrainDelay}) by at least " +
                $"{MinimumAfterDrain.TotalSeconds:0} s, the time accepted requests and sends in flight get to finish.";
        }
    }
}
