using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Drawing;
using PdfSharp.Drawing.Layout;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Signatures;
using Sluice.Punches.Pages;

namespace Sluice.Punches.Receipts;

/// <summary>
/// The Art. 79 receipt as a signed PDF (Art. 86 §1) the worker can keep: one A4 page with every field of the HTML
/// receipt, the NSR and hash in full, signed over the whole file with Sluice's certificate.
/// </summary>
internal static class ReceiptPdf
{
    public const string ContentType = "application/pdf";
    private const double Margin = 56;
    private const double LabelWidth = 170;

    public static async Task<byte[]> SignedAsync(PunchReceiptModel receipt, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        using var document = PdfFile.Create(PunchPages.ReceiptTitle);
        document.Info.Subject = $"NSR {receipt.Nsr:000000000}";
        var page = PdfFile.AddA4Page(document);
        using (var graphics = XGraphics.FromPdfPage(page))
        {
            Draw(graphics, page.Width.Point, receipt);
        }

        DigitalSignatureHandler.ForDocument(document, new CadesPdfSigner(certificate, signingTime), new DigitalSignatureOptions
        {
            Reason = "Comprovante de Registro de Ponto do Trabalhador (Portaria MTP 671/2021, art. 79)",
            AppName = "Sluice REP-P",
        });
        return await PdfFile.BytesAsync(document);
    }

    private static void Draw(XGraphics graphics, double width, PunchReceiptModel receipt)
    {
        var title = PdfFile.Font(15, XFontStyleEx.Bold);
        var label = PdfFile.Font(10, XFontStyleEx.Bold);
        var value = PdfFile.Font(10, XFontStyleEx.Regular);
        var hash = PdfFile.Font(8.5, XFontStyleEx.Regular);
        var formatter = new XTextFormatter(graphics);
        var y = Margin;
        graphics.DrawString(PunchPages.ReceiptTitle, title, XBrushes.Black, new XRect(Margin, y, width - 2 * Margin, 20), XStringFormats.TopLeft);
        y += 36;

        void Item(string name, string? text, XFont font)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            var valueWidth = width - 2 * Margin - LabelWidth;
            // Long names wrap rather than being cut: every character of a receipt's field is part of the legal record.
            var lines = Math.Max(1, (int)Math.Ceiling(graphics.MeasureString(text, font).Width / (valueWidth - 10)));
            var height = lines * font.GetHeight() + 2;
            graphics.DrawString(name, label, XBrushes.Black, new XRect(Margin, y, LabelWidth, height), XStringFormats.TopLeft);
            formatter.DrawString(text, font, XBrushes.Black, new XRect(Margin + LabelWidth, y, valueWidth, height), XStringFormats.TopLeft);
            y += height + 8;
        }

        var at = receipt.PunchedAt;
        Item("NSR", receipt.Nsr.ToString("000000000", CultureInfo.InvariantCulture), value);
        Item("Empregador", receipt.EmployerName, value);
        Item(DocumentFormat.Kind(receipt.EmployerDocument), DocumentFormat.Punctuate(receipt.EmployerDocument), value);
        Item("CNO/CAEPF", receipt.EmployerCnoOrCaepf, value);
        Item("Local de prestação de serviço", receipt.PlaceOfWork, value);
        Item("Trabalhador", receipt.WorkerName, value);
        Item("CPF do trabalhador", DocumentFormat.Punctuate(receipt.WorkerCpf), value);
        Item("Data", at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), value);
        Item("Hora", at.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC" + at.ToString("zzz", CultureInfo.InvariantCulture) + ")", value);
        Item("Registro no INPI", receipt.Inpi, value);
        Item("Hash SHA-256", receipt.Hash, hash);
    }
}
