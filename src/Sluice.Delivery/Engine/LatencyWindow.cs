using HdrHistogram;

namespace Sluice.Delivery.Engine;

/// <summary>Median and 99th percentile of a destination's answer times over the last minute, and how many sends that is.</summary>
public sealed record LatencySummary(TimeSpan P50, TimeSpan P99, long Count);

/// <summary>
/// The last minute of one destination's send times, for people watching it: "is the legacy system slow right now?".
/// Kept as six ten-second HdrHistograms in a ring, so samples age out a slice at a time and a percentile costs a merge
/// of six small histograms instead of a sort of every sample. The metrics histogram (<c>sluice_delivery_send_duration</c>)
/// keeps the long view; this one only the recent past.
/// </summary>
internal sealed class LatencyWindow(TimeProvider time)
{
    private const int Slices = 6;
    private static readonly long SliceTicks = TimeSpan.FromSeconds(10).Ticks;

    // One microsecond to ten minutes at two significant digits (1 % error): about 20 KB per slice.
    private const long HighestMicros = 10L * 60 * 1_000_000;

    private readonly LongHistogram[] _slices = Enumerable.Range(0, Slices).Select(_ => NewHistogram()).ToArray();
    private readonly long[] _sliceNumbers = new long[Slices];
    private readonly LongHistogram _merged = NewHistogram();
    private readonly Lock _lock = new();

    public void Record(TimeSpan latency)
    {
        var micros = Math.Clamp(latency.Ticks / TimeSpan.TicksPerMicrosecond, 1, HighestMicros);
        var now = SliceNumber();
        lock (_lock)
        {
            Current(now).RecordValue(micros);
        }
    }

    /// <summary>The last minute's percentiles, or null when nothing was sent in it.</summary>
    public LatencySummary? Summary()
    {
        var now = SliceNumber();
        lock (_lock)
        {
            _merged.Reset();
            for (var i = 0; i < Slices; i++)
            {
                if (_sliceNumbers[i] > now - Slices && _sliceNumbers[i] <= now)
                {
                    _merged.Add(_slices[i]);
                }
            }

            return _merged.TotalCount == 0
                ? null
                : new LatencySummary(Micros(_merged.GetValueAtPercentile(50)), Micros(_merged.GetValueAtPercentile(99)), _merged.TotalCount);
        }
    }

    private LongHistogram Current(long number)
    {
        var index = (int)(number % Slices);
        if (_sliceNumbers[index] != number)
        {
            _slices[index].Reset();
            _sliceNumbers[index] = number;
        }

        return _slices[index];
    }

    private long SliceNumber() => time.GetUtcNow().UtcTicks / SliceTicks;

    private static TimeSpan Micros(long value) => TimeSpan.FromTicks(value * TimeSpan.TicksPerMicrosecond);

    private static LongHistogram NewHistogram() => new(HighestMicros, 2);
}
