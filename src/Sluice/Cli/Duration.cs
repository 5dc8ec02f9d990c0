using System.Globalization;

namespace Sluice.Cli;

/// <summary>Durations as people type them: <c>250ms</c>, <c>10s</c>, <c>5m</c>, <c>1h</c>, or <c>00:00:10</c>.</summary>
internal static class Duration
{
    public static bool TryParse(string text, out TimeSpan value)
    {
        value = default;
        text = text.Trim();
        (string Suffix, Func<double, TimeSpan> Make)[] units =
        [
            ("ms", TimeSpan.FromMilliseconds),
            ("s", TimeSpan.FromSeconds),
            ("m", TimeSpan.FromMinutes),
            ("h", TimeSpan.FromHours),
        ];
        foreach (var (suffix, make) in units)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && double.TryParse(text[..^suffix.Length], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
                && amount >= 0)
            {
                value = make(amount);
                return true;
            }
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value) && value >= TimeSpan.Zero;
    }

    /// <summary>
    /// A duration or a range of them: <c>200ms</c>, or <c>0-1s</c> / <c>200ms-1s</c> (a bare lower bound takes the
    /// upper bound's unit). <paramref name="max"/> is null for a single duration.
    /// </summary>
    public static bool TryParseRange(string text, out TimeSpan min, out TimeSpan? max)
    {
        max = null;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return TryParse(text, out min);
        }

        var (low, high) = (text[..dash].Trim(), text[(dash + 1)..].Trim());
        if (low.Length > 0 && char.IsDigit(low[^1]) && !low.Contains(':', StringComparison.Ordinal))
        {
            low += new string(high.Reverse().TakeWhile(char.IsLetter).Reverse().ToArray());
        }

        if (TryParse(low, out min) && TryParse(high, out var upper) && upper >= min)
        {
            max = upper;
            return true;
        }

        return false;
    }
}
