using HdrHistogram;

namespace Sluice.LegacySimulator;

/// <summary>
/// How long requests took, in an HdrHistogram: the same memory however many requests a long run sends, and percentiles
/// within 0.1 % without sorting every sample. The simulated system keeps one (arrival to answer, queueing included);
/// <c>sluice load</c> keeps two (the whole run, and the interval since its last progress line).
/// </summary>
public sealed class LatencyRecorder
{
    // One microsecond to an hour at three significant digits: about 200 KB.
    private const long HighestMicros = 60L * 60 * 1_000_000;

    private readonly Lock _gate = new();
    private readonly LongHistogram _micros = new(HighestMicros, 3);

    public void Record(TimeSpan elapsed)
    {
        var micros = Math.Clamp(elapsed.Ticks / TimeSpan.TicksPerMicrosecond, 1, HighestMicros);
        lock (_gate)
        {
            _micros.RecordValue(micros);
        }
    }

    /// <summary>The given percentiles (0–100) of what was recorded, in milliseconds; zeros when nothing was.</summary>
    public double[] Percentiles(params double[] percentiles)
    {
        lock (_gate)
        {
            return Milliseconds(percentiles);
        }
    }

    /// <summary>The same as <see cref="Percentiles"/>, and starts over, in one step: nothing recorded in between is lost.</summary>
    public double[] TakePercentiles(params double[] percentiles)
    {
        lock (_gate)
        {
            var taken = Milliseconds(percentiles);
            _micros.Reset();
            return taken;
        }
    }

    /// <summary>The longest recorded, in milliseconds; zero when nothing was.</summary>
    public double Max()
    {
        lock (_gate)
        {
            return _micros.TotalCount == 0 ? 0 : _micros.GetMaxValue() / 1000.0;
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _micros.Reset();
        }
    }

    private double[] Milliseconds(double[] percentiles) =>
        [.. percentiles.Select(p => _micros.TotalCount == 0 ? 0 : _micros.GetValueAtPercentile(p) / 1000.0)];
}
