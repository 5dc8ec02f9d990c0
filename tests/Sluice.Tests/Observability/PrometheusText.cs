using System.Globalization;

namespace Sluice.Tests.Observability;

/// <summary>Reads samples out of a Prometheus text exposition.</summary>
internal sealed class PrometheusText(string text)
{
    public string Text => text;

    /// <summary>The sum of every sample of <paramref name="name"/> whose labels include all of <paramref name="labels"/> (e.g. <c>destination="legacy"</c>); null when there is none.</summary>
    public double? Sum(string name, params string[] labels)
    {
        double? sum = null;
        foreach (var line in text.Split('\n'))
        {
            if (line.StartsWith('#') || !line.StartsWith(name, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = line[name.Length..];
            if (rest.Length == 0 || (rest[0] != '{' && rest[0] != ' '))
            {
                continue;
            }

            var labelEnd = rest[0] == '{' ? rest.IndexOf('}', StringComparison.Ordinal) : 0;
            var labelText = rest[..(labelEnd + 1)];
            if (!labels.All(l => labelText.Contains(l, StringComparison.Ordinal)))
            {
                continue;
            }

            var value = rest[(labelEnd + 1)..].Trim().Split(' ')[0];
            sum = (sum ?? 0) + double.Parse(value, CultureInfo.InvariantCulture);
        }

        return sum;
    }

    /// <summary>The Sluice samples, for failure messages.</summary>
    public override string ToString() =>
        string.Join('\n', text.Split('\n').Where(l => l.StartsWith("sluice_", StringComparison.Ordinal) && !l.Contains("_bucket", StringComparison.Ordinal)));

    public static async Task<PrometheusText> ScrapeAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/metrics");
        response.EnsureSuccessStatusCode();
        return new PrometheusText(await response.Content.ReadAsStringAsync());
    }
}
