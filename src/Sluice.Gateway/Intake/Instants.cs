using System.Globalization;
using System.Text.RegularExpressions;

namespace Sluice.Intake;

/// <summary>Instants as clients send them: ISO 8601 with an explicit UTC offset.</summary>
internal static partial class Instants
{
    /// <summary>A time without an offset is refused: its meaning would depend on the server's zone.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return InstantPattern().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex InstantPattern();
}
