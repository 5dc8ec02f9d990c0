using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Sluice.LegacySimulator;

namespace Sluice.Cli;

/// <summary>
/// Latencies and errors of a load run: all of them for the summary, those since the last progress line for that line.
/// Latencies go into <see cref="LatencyRecorder"/>s: fixed memory however long the run, no sorting per line.
/// </summary>
internal sealed class LoadStats
{
    private readonly LatencyRecorder _all = new();
    private readonly LatencyRecorder _interval = new();
    private readonly ConcurrentDictionary<string, long> _errors = new();
    private long _completed;

    public long Completed => Interlocked.Read(ref _completed);

    public long Errors => _errors.Values.Sum();

    /// <param name="error">Null for a 202; else the status code or what went wrong.</param>
    public void Record(TimeSpan latency, string? error)
    {
        _all.Record(latency);
        _interval.Record(latency);

        if (error is not null)
        {
            _errors.AddOrUpdate(error, 1, (_, n) => n + 1);
        }

        Interlocked.Increment(ref _completed);
    }

    /// <summary>Median and 99th percentile of the requests answered since the last call, and starts the next interval.</summary>
    public (double P50, double P99) TakeInterval()
    {
        var percentiles = _interval.TakePercentiles(50, 99);
        return (percentiles[0], percentiles[1]);
    }

    public string Summary(TimeSpan elapsed)
    {
        var percentiles = _all.Percentiles(50, 90, 99);
        var (p50, p90, p99, max) = (percentiles[0], percentiles[1], percentiles[2], _all.Max());
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

        text.Append(CultureInfo.InvariantCulture, $"Latency ms: p50 {p50:F1}, p90 {p90:F1}, p99 {p99:F1}, max {max:F1}.");
        return text.ToString();
    }

    /// <summary>An answer other than 202 (the gateway said no); the rest are timeouts and broken connections.</summary>
    private static bool IsRefusal(string error) => error.All(char.IsAsciiDigit);

    private static string Kinds(List<KeyValuePair<string, long>> errors) =>
        errors.Count == 0 ? "" : $" ({string.Join(", ", errors.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}: {e.Value}"))})";
}
