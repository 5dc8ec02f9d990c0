namespace Sluice.Facade;

/// <summary>
/// A path as a server that forgives spelling would read it: encoded and back slashes as slashes, empty and
/// <c>.</c> segments dropped, <c>..</c> applied, <c>;</c> parameters and trailing dots or spaces cut off each
/// segment, lower case. Routing matches only the exact spelling, so <c>//api/keys</c>, <c>/api/keys;x</c>,
/// <c>/api%2Fkeys</c> and <c>/api/keys.</c> would reach the pass-through, and a legacy server (or a proxy before it)
/// that reads them this way would serve Sluice's path without Sluice's checks. Comparing the canonical form with
/// what Sluice owns closes that gap.
/// </summary>
public static class CanonicalPath
{
    public static string Of(string path)
    {
        var slashed = path
            .Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
            .Replace("%5C", "/", StringComparison.OrdinalIgnoreCase)
            .Replace('\\', '/');
        var segments = new List<string>();
        foreach (var raw in slashed.Split('/'))
        {
            if (raw.Trim() == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            var parameters = raw.IndexOf(';', StringComparison.Ordinal);
            var segment = (parameters >= 0 ? raw[..parameters] : raw).Trim().TrimEnd('.', ' ');
            if (segment.Length > 0)
            {
                segments.Add(segment.ToLowerInvariant());
            }
        }

        return "/" + string.Join('/', segments);
    }
}
