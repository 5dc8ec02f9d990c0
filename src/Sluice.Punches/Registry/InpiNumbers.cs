namespace Sluice.Punches.Registry;

/// <summary>
/// The INPI number of a computer program registration, which the REP-P writes in the AFD header (type 1 field 7, 17
/// numeric positions) and on every receipt. Typed as INPI prints it, e.g. <c>BR 51 2026 000001-7</c>: "BR", the kind
/// (51, computer program), the year, a sequence of six digits and one check digit.
/// </summary>
/// <remarks>
/// The check digit is modulo 11 over the twelve digits with weights 2 to 9 from the right, 11 minus the rest (0 when the
/// rest is 0 or 1): the arithmetic of a CNPJ's digits, and what INPI's own numbers show (BR 51 2025 002574-2,
/// BR 11 2014 020913-8). Only the digits are stored and written; "BR" is a country prefix, not part of the number, and a
/// numeric AFD field never carries a letter.
/// </remarks>
internal static class InpiNumbers
{
    public const int Length = 13;
    private const string ComputerProgram = "51";

    /// <summary>The 13 digits of a well-formed number (punctuation and an optional "BR" dropped), or null.</summary>
    public static string? Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var rest = text.Trim();
        if (rest.StartsWith("BR", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[2..];
        }

        if (rest.Any(c => !char.IsAsciiDigit(c) && c is not (' ' or '.' or '-' or '/')))
        {
            return null;
        }

        var digits = BrazilianDocuments.Digits(rest);
        return digits.Length == Length && digits.StartsWith(ComputerProgram, StringComparison.Ordinal)
            && digits[^1] - '0' == BrazilianDocuments.Mod11CheckDigit(digits.AsSpan(0, Length - 1))
            ? digits
            : null;
    }

    /// <summary>As people read it: <c>BR512026000001-7</c>.</summary>
    public static string Display(string digits) =>
        digits.Length == Length && digits.All(char.IsAsciiDigit) ? $"BR{digits[..^1]}-{digits[^1]}" : digits;
}
