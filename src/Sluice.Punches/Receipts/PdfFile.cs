using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Sluice.Punches.Receipts;

/// <summary>
/// What the receipt's and the Espelho's PDFs share: A4 pages, the receipt's typeface (<see cref="ReceiptFonts"/>,
/// installed before the first document is made), and the finished file as bytes.
/// </summary>
internal static class PdfFile
{
    /// <summary>An empty document titled <paramref name="title"/>.</summary>
    public static PdfDocument Create(string title)
    {
        ReceiptFonts.Install();
        var document = new PdfDocument();
        document.Info.Title = title;
        return document;
    }

    /// <summary>A new A4 page at the end of <paramref name="document"/>.</summary>
    public static PdfPage AddA4Page(PdfDocument document)
    {
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        return page;
    }

    /// <summary>The receipt's typeface at <paramref name="size"/> points.</summary>
    public static XFont Font(double size, XFontStyleEx style) => new(ReceiptFonts.Family, size, style);

    public static async Task<byte[]> BytesAsync(PdfDocument document)
    {
        using var output = new MemoryStream();
        await document.SaveAsync(output, closeStream: false);
        return output.ToArray();
    }
}
