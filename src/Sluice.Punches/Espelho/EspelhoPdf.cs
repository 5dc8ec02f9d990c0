using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sluice.Punches.Pages;
using Sluice.Punches.Receipts;

namespace Sluice.Punches.Espelho;

/// <summary>
/// The printable Espelho: A4 pages with the Art. 84 header, one table row per day (repeated column heads on every
/// page), the totals, a legend and a line for the worker's signature. Not signed: Art. 84 asks for no signature,
/// unlike the receipt, the AFD and the AEJ (Art. 87), and an Espelho is drawn up to be checked and countersigned.
/// </summary>
internal static class EspelhoPdf
{
    public const string ContentType = "application/pdf";
    private const double Margin = 40;
    private const double Line = 11.5;

    private static readonly (string Head, double Width)[] Table =
    [
        ("Data", 74), ("Marcações", 146), ("Tratamento", 135), ("Trabalhado", 52), ("Noturno", 56), ("Duração", 52),
    ];

    public static async Task<byte[]> RenderAsync(EspelhoReport report)
    {
        using var document = PdfFile.Create($"{EspelhoReport.DocumentTitle} — {report.Worker.Name} — {EspelhoText.Period(report)}");
        document.Info.Creator = "Sluice REP-P";
        new Drawing(document, report).Draw();
        return await PdfFile.BytesAsync(document);
    }

    private sealed class Drawing(PdfDocument document, EspelhoReport report)
    {
        private readonly XFont _title = PdfFile.Font(15, XFontStyleEx.Bold);
        private readonly XFont _bold = PdfFile.Font(8.5, XFontStyleEx.Bold);
        private readonly XFont _text = PdfFile.Font(8.5, XFontStyleEx.Regular);
        private XGraphics _graphics = null!;
        private double _y;
        private double _width;
        private double _height;

        public void Draw()
        {
            NewPage();
            _graphics.DrawString(EspelhoReport.DocumentTitle, _title, XBrushes.Black, new XPoint(Margin, _y + 15));
            _y += 26;
            Field("Empregador", EspelhoText.Employer(report.Employer));
            Field("Trabalhador", $"{report.Worker.Name} — CPF {DocumentFormat.Punctuate(report.Worker.Cpf)} — matrícula {report.Worker.Code}");
            Field("Admissão", report.Worker.Admission is { } admission ? EspelhoText.Date(admission) : EspelhoText.NotInformed);
            Field("Cargo/função", report.Worker.Role ?? EspelhoText.NotInformed);
            Field("Horário contratual", report.Schedule ?? EspelhoText.NotInformed);
            Field("Período", EspelhoText.Period(report) + $" (horários de {report.TimeZone})");
            Field("Emissão", EspelhoText.Issued(report));
            _y += 6;
            Heads();
            foreach (var day in report.Days)
            {
                Row(
                    [$"{EspelhoText.Date(day.Date)} {EspelhoText.Weekday(day.Date)}", EspelhoText.CountedMarkings(day) + (day.MissingPunch ? " (falta marcação)" : ""),
                     EspelhoText.Treated(day), Hours(day.WorkedMinutes), Night(day.NightMinutes, day.NightMinutesCounted), Hours(day.DurationMinutes)],
                    _text);
            }

            var totals = report.Totals;
            Row(["Totais", $"{totals.DaysWorked} dia(s) trabalhado(s), {totals.DaysWithMissingPunch} com falta de marcação",
                 $"{totals.IncludedMarkings} incluída(s), {totals.PreAssignedMarkings} pré-assinalada(s), {totals.DisregardedMarkings} desconsiderada(s)",
                 EspelhoText.Hours(totals.WorkedMinutes), Night(totals.NightMinutes, totals.NightMinutesCounted), EspelhoText.Hours(totals.DurationMinutes)], _bold);
            _y += 8;
            Paragraph("(I) incluída, (P) pré-assinalada: marcações do programa de tratamento, com o motivo em Tratamento. (D) desconsiderada: "
                + "registrada no REP e mostrada, mas não computada. Noturno: minutos reais entre 22:00 e 05:00 / os mesmos contados com a hora "
                + "noturna de 52min30s (CLT art. 73 §1). Duração: o trabalhado com a hora noturna reduzida (Portaria 671, art. 84 VI).");
            _y += 30;
            Space(30);
            _graphics.DrawLine(XPens.Black, Margin, _y, Margin + 240, _y);
            _graphics.DrawString("Assinatura do trabalhador", _text, XBrushes.Black, new XPoint(Margin, _y + Line));
            _graphics.Dispose();
            PageNumbers();
        }

        private static string Hours(int minutes) => minutes == 0 ? "" : EspelhoText.Hours(minutes);

        private static string Night(int real, int counted) => real == 0 ? "" : $"{EspelhoText.Hours(real)} / {EspelhoText.Hours(counted)}";

        private void NewPage()
        {
            var page = PdfFile.AddA4Page(document);
            _width = page.Width.Point;
            _height = page.Height.Point;
            _graphics = XGraphics.FromPdfPage(page);
            _y = Margin;
        }

        /// <summary>Starts a new page (with the table's heads again when <paramref name="table"/>) unless <paramref name="needed"/> points fit.</summary>
        private void Space(double needed, bool table = false)
        {
            if (_y + needed <= _height - Margin - Line)
            {
                return;
            }

            _graphics.Dispose();
            NewPage();
            if (table)
            {
                Heads();
            }
        }

        private void Field(string label, string value)
        {
            var lines = Wrap(value, _text, _width - 2 * Margin - 100);
            _graphics.DrawString(label, _bold, XBrushes.Black, new XPoint(Margin, _y + Line));
            for (var i = 0; i < lines.Count; i++)
            {
                _graphics.DrawString(lines[i], _text, XBrushes.Black, new XPoint(Margin + 100, _y + Line * (i + 1)));
            }

            _y += Line * lines.Count + 2;
        }

        private void Paragraph(string text)
        {
            foreach (var line in Wrap(text, _text, _width - 2 * Margin))
            {
                Space(Line);
                _graphics.DrawString(line, _text, XBrushes.Black, new XPoint(Margin, _y + Line));
                _y += Line;
            }
        }

        private void Heads()
        {
            _graphics.DrawRectangle(XBrushes.LightGray, Margin, _y, _width - 2 * Margin, Line + 4);
            var x = Margin;
            foreach (var (head, width) in Table)
            {
                _graphics.DrawString(head, _bold, XBrushes.Black, new XPoint(x + 2, _y + Line));
                x += width;
            }

            _y += Line + 4;
        }

        private void Row(string[] cells, XFont font)
        {
            var wrapped = cells.Select((cell, i) => Wrap(cell, font, Table[i].Width - 4)).ToList();
            var height = wrapped.Max(lines => lines.Count) * Line + 4;
            Space(height, table: true);
            var x = Margin;
            for (var i = 0; i < Table.Length; i++)
            {
                for (var line = 0; line < wrapped[i].Count; line++)
                {
                    _graphics.DrawString(wrapped[i][line], font, XBrushes.Black, new XPoint(x + 2, _y + Line * (line + 1)));
                }

                x += Table[i].Width;
            }

            _y += height;
            _graphics.DrawLine(XPens.LightGray, Margin, _y, _width - Margin, _y);
        }

        /// <summary>Splits at spaces so each line fits <paramref name="width"/>; a word longer than a line is cut, never lost.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (_graphics.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }

                if (current.Length > 0)
                {
                    lines.Add(current);
                }

                current = word;
                while (current.Length > 1 && _graphics.MeasureString(current, font).Width > width)
                {
                    var fits = current.Length - 1;
                    while (fits > 1 && _graphics.MeasureString(current[..fits], font).Width > width)
                    {
                        fits--;
                    }

                    lines.Add(current[..fits]);
                    current = current[fits..];
                }
            }

            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add(current);
            }

            return lines;
        }

        private void PageNumbers()
        {
            for (var i = 0; i < document.PageCount; i++)
            {
                using var graphics = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var text = $"{report.Worker.Name} — {EspelhoText.Period(report)} — página {i + 1} de {document.PageCount}";
                graphics.DrawString(text, _text, XBrushes.Gray, new XPoint(Margin, _height - Margin + Line));
            }
        }
    }
}
