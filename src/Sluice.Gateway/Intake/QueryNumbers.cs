using System.Globalization;
using System.Numerics;

namespace Sluice.Intake;

/// <summary>Whole numbers a query may give (a cursor, a seed): digits only, so no sign, space or separator slips through.</summary>
internal static class QueryNumbers
{
    /// <returns>The number, or null when the query gives none or one that is not; then <paramref name="error"/> is listed under <paramref name="field"/>.</returns>
    public static T? Optional<T>(string? text, string field, string error, Dictionary<string, string[]> errors)
        where T : struct, IBinaryInteger<T>
    {
        if (text is null)
        {
            return null;
        }

        if (T.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors[field] = [error];
        return null;
    }
}
