namespace Sluice.Cli;

/// <summary>
/// Ids typed by a person: a whole id, or its start as the dashboard and the tables show it (e.g. the first 8
/// characters). A start that fits several ids is refused with the candidates, never resolved by guessing.
/// </summary>
internal static class IdPrefix
{
    public const int MinLength = 4;

    /// <summary>True when <paramref name="given"/> is a whole id, so no list needs to be read to resolve it.</summary>
    public static bool IsWhole(string given, out Guid id) => Guid.TryParse(given, out id);

    /// <exception cref="ApiException">No id, or more than one, starts with <paramref name="given"/>; or it is not the start of an id.</exception>
    public static Guid Resolve(string given, IEnumerable<Guid> known, string what)
    {
        if (IsWhole(given, out var whole))
        {
            return whole;
        }

        var start = given.Trim().Replace("-", "", StringComparison.Ordinal).ToLowerInvariant();
        if (start.Length < MinLength || start.Length > 32 || !start.All(char.IsAsciiHexDigit))
        {
            throw new ApiException($"'{given}' is not an id or the start of one: give at least {MinLength} of its hexadecimal characters.");
        }

        var matches = known.Distinct().Where(id => id.ToString("N").StartsWith(start, StringComparison.Ordinal)).Take(6).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ApiException($"no {what} has an id starting with '{given}'."),
            _ => throw new ApiException(
                $"'{given}' is the start of more than one {what} id ({string.Join(", ", matches.Take(5))}{(matches.Count > 5 ? ", ..." : "")}); give more of the id."),
        };
    }
}
