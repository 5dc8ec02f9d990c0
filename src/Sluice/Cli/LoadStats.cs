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
        var refused = _errors.Where(e => IsRefusal(e.Key)).ToList();
        var failed = _errors.Where(e => !IsRefusal(e.Key)).ToList();
        var accepted = Completed - Errors;
        var seconds = Math.Max(0.001, elapsed.TotalSeconds);

        // The headline is what was stored; refusals and failures follow, each with its kinds, never added to it.
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Accepted {accepted} of {Completed} punches in {elapsed.TotalSeconds:F1} s: {accepted / seconds:F0}/s.");
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture, $"Refused {refused.Sum(e => e.Value)}{Kinds(refused)}; failed {failed.Sum(e => e.Value)}{Kinds(failed)}.");
        text.AppendLine();
        if (refused.Any(e => e.Key == "429"))
        {
            text.AppendLine(
                "429: Sluice's per-caller rate limit refused these (Limits:RatePerSecond). Lower --concurrency, or start the " +
                "gateway for the test with --Limits:RatePerSecond=0.");
        }

        if (refused.Any(e => e.Key == "503"))
        {
            text.AppendLine("503: the journal could not keep up and asked for a pause (Retry-After); nothing refused was stored.");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"Latency ms: p50 {Percentile(all, 50):F1}, p90 {Percentile(all, 90):F1}, p99 {Percentile(all, 99):F1}, max {(all.Length > 0 ? all[^1] : 0):F1}.");
        return text.ToString();
    }

    /// <summary>An answer other than 202 (the gateway said no); the rest are timeouts and broken connections.</summary>
    private static bool IsRefusal(string error) => error.All(char.IsAsciiDigit);

    private static string Kinds(List<KeyValuePair<string, long>> errors) =>
        errors.Count == 0 ? "" : $" ({string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"))})";

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
