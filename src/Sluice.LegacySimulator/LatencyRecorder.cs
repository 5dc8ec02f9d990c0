namespace Sluice.LegacySimulator;

/// <summary>How long requests took from arrival to answer, as the simulated system saw them (queueing included).</summary>
internal sealed class LatencyRecorder(int limit = 1_000_000)
{
    private readonly Lock _gate = new();
    private readonly List<double> _milliseconds = [];

    public void Record(TimeSpan elapsed)
    {
        lock (_gate)
        {
            if (_milliseconds.Count < limit)
            {
                _milliseconds.Add(elapsed.TotalMilliseconds);
            }
        }
    }

    /// <summary>The given percentiles (0–100) of what was recorded, nearest rank; zeros when nothing was.</summary>
    public double[] Percentiles(params double[] percentiles)
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _milliseconds];
        }

        Array.Sort(sorted);
        return percentiles
            .Select(p => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)])
            .ToArray();
    }

    public void Clear()
    {
        lock (_gate)
        {
            _milliseconds.Clear();
        }
    }
}
