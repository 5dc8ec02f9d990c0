using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Sluice.Cli;

/// <summary>Latencies and errors of a load run: all of them for the summary, the last second's for the progress line.</summary>
internal sealed class LoadStats
{
    private readonly Lock _gate = new();
    private readonly List<double> _all = [];
    private readonly Queue<(long At, double Ms)> _recent = new();
    private readonly ConcurrentDictionary<string, long> _errors = new();
    private long _completed;

    public long Completed => Interlocked.Read(ref _completed);

    public long Errors => _errors.Values.Sum();

    /// <param name="error">Null for a 202; else the status code or what went wrong.</param>
    public void Record(TimeSpan latency, string? error)
    {
        var ms = latency.TotalMilliseconds;
        var now = Environment.TickCount64;
        lock (_gate)
        {
            _all.Add(ms);
            _recent.Enqueue((now, ms));
            while (_recent.Count > 0 && _recent.Peek().At < now - 1000)
            {
                _recent.Dequeue();
            }
        }

        if (error is not null)
        {
            _errors.AddOrUpdate(error, 1, (_, n) => n + 1);
        }

        Interlocked.Increment(ref _completed);
    }

    public (double P50, double P99) RecentPercentiles()
    {
        double[] recent;
        lock (_gate)
        {
            recent = _recent.Select(r => r.Ms).ToArray();
        }

        Array.Sort(recent);
        return (Percentile(recent, 50), Percentile(recent, 99));
    }

    public string Summary(TimeSpan elapsed)
    {
        double[] all;
        lock (_gate)
        {
            all = [.. _all];
        }

        Array.Sort(all);
        var accepted = Completed - Errors;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Sent {Completed} punches in {elapsed.TotalSeconds:F1} s: {Completed / Math.Max(0.001, elapsed.TotalSeconds):F0}/s; ");
        text.Append(CultureInfo.InvariantCulture, $"{accepted} accepted (202), {Errors} errors");
        if (!_errors.IsEmpty)
        {
            text.Append(" (").AppendJoin(", ", _errors.OrderBy(e => e.Key).Select(e => $"{e.Key}: {e.Value}")).Append(')');
        }

        text.AppendLine(".");
        text.Append(CultureInfo.InvariantCulture,
            $"Latency ms: p50 {Percentile(all, 50):F1}, p90 {Percentile(all, 90):F1}, p99 {Percentile(all, 99):F1}, max {(all.Length > 0 ? all[^1] : 0):F1}.");
        return text.ToString();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
