using System.Globalization;

namespace Sluice.Replies;

/// <summary>The <c>wait</c> preference of RFC 7240 (<c>Prefer: wait=5</c>), the longest a client would like to wait for a final answer.</summary>
internal static class PreferWait
{
    public const string Header = "Prefer";
    public const string AppliedHeader = "Preference-Applied";

    /// <returns>The wait to apply: the client's, at most <paramref name="max"/>; null when the client asked for none (or max is 0).</returns>
    public static TimeSpan? Read(HttpRequest request, TimeSpan max)
    {
        if (max <= TimeSpan.Zero || !request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            // preference = token [ BWS "=" BWS word ] *( OWS ";" [ OWS parameter ] ), several per header, comma-separated.
            foreach (var preference in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var head = preference.Split(';', 2)[0];
                var parts = head.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && string.Equals(parts[0], "wait", StringComparison.OrdinalIgnoreCase)
                    && int.TryParse(parts[1].Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                {
                    // RFC 7240 §4.3: a server may cap the wait; an unparsable one is ignored, like any preference it does not know.
                    var wanted = TimeSpan.FromSeconds(seconds);
                    return wanted <= TimeSpan.Zero ? null : wanted < max ? wanted : max;
                }
            }
        }

        return null;
    }

    /// <summary>The <c>Preference-Applied</c> value for a wait: whole seconds, as the client spelled it.</summary>
    public static string Applied(TimeSpan wait) => $"wait={(int)Math.Ceiling(wait.TotalSeconds)}";
}
