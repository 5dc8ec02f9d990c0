namespace Sluice.Facade;

/// <summary>Whether one path segment is a likely misspelling of another: a singular or plural, or a typo or two.</summary>
internal static class NearMiss
{
    public static bool Of(string candidate, string owned)
    {
        if (string.Equals(candidate, owned, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var (shorter, longer) = candidate.Length <= owned.Length ? (candidate, owned) : (owned, candidate);
        if (shorter.Length >= 3 && longer.StartsWith(shorter, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        // Short names are near many words: one typo there, two in longer ones.
        var allowed = owned.Length <= 5 ? 1 : 2;
        return Math.Abs(candidate.Length - owned.Length) <= allowed && Distance(candidate.ToLowerInvariant(), owned.ToLowerInvariant()) <= allowed;
    }

    /// <summary>Levenshtein distance (insertions, deletions, substitutions), one row at a time.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j] + 1, current[j - 1] + 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
