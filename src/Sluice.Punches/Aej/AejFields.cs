using System.Globalization;
using Sluice.Punches.Afd;

namespace Sluice.Punches.Aej;

/// <summary>How AEJ field values are written (see <see cref="AejLayout"/>).</summary>
internal static class AejFields
{
    /// <summary>
    /// Alphanumeric: Latin-1 as the AFD writes it (<see cref="AfdText"/>), the delimiter turned into '/', so free text can
    /// never add a field, trimmed, and cut to <paramref name="max"/>.
    /// </summary>
    public static string Text(string? value, int max)
    {
        var text = AfdText.ToLatin1(value ?? "").Replace(AejLayout.Delimiter, '/').Trim();
        return text.Length <= max ? text : text[..max].TrimEnd();
    }

    /// <summary>Digits only, zero-padded to <paramref name="width"/>; blank stays blank (an optional field left out).</summary>
    public static string Digits(string? value, int width)
    {
        var digits = new string((value ?? "").Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? "" : digits.PadLeft(width, '0');
    }

    public static string Number(long value, int width = 0) =>
        value.ToString(width == 0 ? "0" : new string('0', width), CultureInfo.InvariantCulture);

    public static string Hour(TimeOnly value) => value.ToString("HHmm", CultureInfo.InvariantCulture);

    public static string Date(DateOnly value) => AfdTimeFormat.Date(value);

    public static string DateTime(DateTimeOffset value) => AfdTimeFormat.DateTime(value);

    public static string Record(params string[] fields) => string.Join(AejLayout.Delimiter, fields);
}
