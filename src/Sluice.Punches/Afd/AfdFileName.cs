namespace Sluice.Punches.Afd;

/// <summary>The name the regulation gives the file: "AFD" + INPI number + CNPJ/CPF + "REP_P", here with ".txt".</summary>
internal static class AfdFileName
{
    public const string Extension = ".txt";

    /// <summary>
    /// Only ASCII letters and digits of both numbers are kept ("12.345.678/0001-95" → "12345678000195"), so the
    /// name is safe in a Content-Disposition header and on any disk.
    /// </summary>
    public static string For(string inpi, string employerDocument) =>
        "AFD" + LettersAndDigits(inpi) + LettersAndDigits(employerDocument) + "REP_P" + Extension;

    private static string LettersAndDigits(string value) => string.Concat(value.Where(char.IsAsciiLetterOrDigit));
}
