using PdfSharp.Fonts;
using PdfSharp.WPFonts;

namespace Sluice.Punches.Receipts;

/// <summary>
/// The receipt's typeface, served from the Segoe WP data that ships inside PDFsharp: a server has no desktop fonts,
/// and a receipt must render the same on every node. Embedded in each PDF (subset), so any reader shows it.
/// </summary>
internal sealed class ReceiptFonts : IFontResolver
{
    public const string Family = "Segoe WP";
    private const string Regular = "segoe-wp";
    private const string Bold = "segoe-wp-bold";

    static ReceiptFonts()
    {
        // PDFsharp keeps one resolver for the process; it is set once, before the first receipt is drawn.
        GlobalFontSettings.FontResolver ??= new ReceiptFonts();
    }

    /// <summary>Makes sure the resolver is installed (the static constructor runs once).</summary>
    public static void Install()
    {
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? Bold : Regular);

    public byte[]? GetFont(string faceName) => faceName == Bold ? FontDataHelper.SegoeWPBold : FontDataHelper.SegoeWP;
}
