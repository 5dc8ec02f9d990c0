namespace Sluice.Punches.Registry;

/// <summary>CPF (people, 11 digits) and CNPJ (companies, 14 digits) with their two mod-11 check digits.</summary>
public static class BrazilianDocuments
{
    /// <summary>The digits alone, so "123.456.789-09" and "12345678909" are the same CPF.</summary>
    public static string Digits(string? text) => new((text ?? "").Where(char.IsAsciiDigit).ToArray());

    /// <summary>Whether <paramref name="text"/> (punctuated or not) is a CPF with valid check digits.</summary>
    public static bool IsCpf(string? text)
    {
        var digits = Digits(text);
        if (digits.Length != 11 || !OnlyPunctuation(text!, digits.Length) || AllSame(digits))
        {
            return false;
        }

        return digits[9] - '0' == CheckDigit(digits.AsSpan(0, 9), 10) && digits[10] - '0' == CheckDigit(digits.AsSpan(0, 10), 11);
    }

    /// <summary>Whether <paramref name="text"/> (punctuated or not) is a CNPJ with valid check digits.</summary>
    public static bool IsCnpj(string? text)
    {
        var digits = Digits(text);
        if (digits.Length != 14 || !OnlyPunctuation(text!, digits.Length) || AllSame(digits))
        {
            return false;
        }

        return digits[12] - '0' == Mod11CheckDigit(digits.AsSpan(0, 12)) && digits[13] - '0' == Mod11CheckDigit(digits.AsSpan(0, 13));
    }

    /// <summary>Whether <paramref name="text"/> is a CPF or a CNPJ (the kind told by its length).</summary>
    public static bool IsCpfOrCnpj(string? text) => IsCpf(text) || IsCnpj(text);

    /// <summary>The CNPJ with these twelve base digits (0 to 999,999,999,999) and their check digits, unpunctuated.</summary>
    public static string CnpjFrom(long baseNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baseNumber, 999_999_999_999);
        var digits = baseNumber.ToString("D12", System.Globalization.CultureInfo.InvariantCulture);
        var first = Mod11CheckDigit(digits);
        return $"{digits}{first}{Mod11CheckDigit(digits + first)}";
    }

    /// <summary>The CPF with these nine base digits (0 to 999,999,999) and their check digits, unpunctuated.</summary>
    public static string CpfFrom(int baseNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(baseNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(baseNumber, 999_999_999);
        var digits = baseNumber.ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
        var first = CheckDigit(digits, 10);
        return $"{digits}{first}{CheckDigit(digits + first, 11)}";
    }

    /// <summary>CPF weights run from <paramref name="firstWeight"/> down to 2.</summary>
    private static int CheckDigit(ReadOnlySpan<char> digits, int firstWeight)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            sum += (digits[i] - '0') * (firstWeight - i);
        }

        var rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    /// <summary>CNPJ (and INPI) weights cycle 2..9 from the rightmost digit.</summary>
    internal static int Mod11CheckDigit(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var weight = 2 + ((digits.Length - 1 - i) % 8);
            sum += (digits[i] - '0') * weight;
        }

        var rest = sum % 11;
        return rest < 2 ? 0 : 11 - rest;
    }

    /// <summary>Sequences like 000.000.000-00 pass the arithmetic but are not issued.</summary>
    private static bool AllSame(string digits) => digits.All(c => c == digits[0]);

    private static bool OnlyPunctuation(string text, int digitCount) =>
        text.Length <= digitCount + 4 && text.All(c => char.IsAsciiDigit(c) || c is '.' or '-' or '/');
}
