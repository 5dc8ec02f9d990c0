using System.Globalization;
using System.Text;

namespace Sluice.Punches.Afd;

/// <summary>
/// Turns free text (names) into what an AFD alphanumeric field may hold: ISO-8859-1 characters only, one
/// byte each, so that character counts are byte counts and every line keeps its fixed width.
/// </summary>
/// <remarks>
/// The decision, in one place: a character Latin-1 has is kept as is (Portuguese names — "João", "Conceição"
/// — survive intact). Any other letter is decomposed (NFD) and kept as its base letter when that is Latin-1
/// ("Ł" stays "?" because it has no decomposition, "ő" becomes "o", "ș" becomes "s"). Control characters,
/// tabs and line breaks become a space, so a name can never break a fixed-width line. Everything else,
/// including emoji and other scripts, becomes '?', one per code point.
/// </remarks>
internal static class AfdText
{
    public const char Replacement = '?';

    /// <summary>Writes the Latin-1 form of <paramref name="text"/> into <paramref name="destination"/>, at most its length.</summary>
    /// <returns>How many characters were written.</returns>
    public static int Write(ReadOnlySpan<char> text, Span<char> destination)
    {
        var written = 0;
        var index = 0;
        while (index < text.Length && written < destination.Length)
        {
            Rune.DecodeFromUtf16(text[index..], out var rune, out var consumed);
            index += consumed;
            destination[written++] = ToLatin1(rune);
        }

        return written;
    }

    /// <summary>The Latin-1 form of <paramref name="text"/> as a string (tests and file names).</summary>
    public static string ToLatin1(string text)
    {
        var buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        var written = Write(text, buffer);
        return new string(buffer[..written]);
    }

    private static char ToLatin1(Rune rune)
    {
        if (Rune.IsControl(rune))
        {
            return ' ';
        }

        if (rune.Value <= 0xFF)
        {
            return (char)rune.Value;
        }

        // Keep the base letter of a decomposable character ("ő" → "o") when that base is Latin-1.
        Span<char> utf16 = stackalloc char[2];
        var length = rune.EncodeToUtf16(utf16);
        var decomposed = new string(utf16[..length]).Normalize(NormalizationForm.FormD);
        if (decomposed.Length > 0 && decomposed[0] <= 0xFF && !char.IsControl(decomposed[0])
            && decomposed.AsSpan(1).IndexOfAnyExcept(CombiningMarks.Value) < 0)
        {
            return decomposed[0];
        }

        return Replacement;
    }

    // Lazily built: only text outside Latin-1 ever needs it.
    private static readonly Lazy<System.Buffers.SearchValues<char>> CombiningMarks = new(() =>
        System.Buffers.SearchValues.Create(Enumerable.Range(0, 0x10000)
            .Select(i => (char)i)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            .ToArray()));
}
