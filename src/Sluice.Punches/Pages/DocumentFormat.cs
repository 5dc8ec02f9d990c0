namespace Sluice.Punches.Pages;

/// <summary>How people read Brazilian document numbers: CPF 000.000.000-00, CNPJ 00.000.000/0000-00.</summary>
internal static class DocumentFormat
{
    /// <summary>Punctuates an 11-digit CPF or a 14-digit CNPJ; anything else is shown as given.</summary>
    public static string Punctuate(string document)
    {
        var digits = string.Concat(document.Where(char.IsAsciiDigit));
        return digits.Length switch
        {
            11 => $"{digits[..3]}.{digits[3..6]}.{digits[6..9]}-{digits[9..]}",
            14 => $"{digits[..2]}.{digits[2..5]}.{digits[5..8]}/{digits[8..12]}-{digits[12..]}",
            _ => document,
        };
    }

    /// <summary>"CNPJ" for 14 digits, "CPF" for 11.</summary>
    public static string Kind(string document) => document.Count(char.IsAsciiDigit) == 11 ? "CPF" : "CNPJ";
}
