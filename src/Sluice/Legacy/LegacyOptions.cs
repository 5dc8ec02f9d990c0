using System.ComponentModel.DataAnnotations;

namespace Sluice.Legacy;

/// <summary>The <c>Legacy</c> section: where the legacy system is, or how to simulate it when it is not set.</summary>
public sealed class LegacyOptions
{
    public const string SectionName = "Legacy";

    /// <summary>
    /// The legacy system's base URL. Unset: Sluice starts the in-process simulator, but only when asked for it
    /// (<see cref="InProcessSimulatorOptions.Enabled"/> or the Development environment); otherwise it refuses to start.
    /// </summary>
    public Uri? BaseUrl { get; set; }

    public InProcessSimulatorOptions Simulator { get; set; } = new();
}

public sealed class InProcessSimulatorOptions
{
    /// <summary>
    /// Run the simulator when no <see cref="LegacyOptions.BaseUrl"/> is set, outside Development too. Off by default:
    /// a production start that merely forgot the URL would otherwise deliver real punches to a test tool.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>Port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; set; }

    public TimeSpan Latency { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Set to draw each request's latency uniformly from [Latency, LatencyMax] (e.g. 0 and 00:00:01 for seed 004's save).</summary>
    public TimeSpan? LatencyMax { get; set; }

    public int Capacity { get; set; } = 50;

    /// <summary>Requests that may wait beyond the capacity before it refuses with 503.</summary>
    [Range(0, 1_000_000)]
    public int QueueLimit { get; set; } = 50;

    public double ErrorRate { get; set; }
}
