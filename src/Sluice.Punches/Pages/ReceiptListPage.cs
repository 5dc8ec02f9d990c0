using System.Globalization;
using System.Text;

namespace Sluice.Punches.Pages;

/// <summary>One punch in the worker's list: its receipt and the signed link that opens it.</summary>
internal sealed record ReceiptListItem(PunchReceiptModel Receipt, string Path);

/// <summary>The worker's receipts of the last hours (Portaria 671 Art. 80 III), each a link to the printable receipt.</summary>
internal static class ReceiptListPage
{
    public const string Title = "Meus comprovantes";

    public static string Render(string workerName, TimeSpan window, IReadOnlyList<ReceiptListItem> items)
    {
        var hours = ((int)window.TotalHours).ToString(CultureInfo.InvariantCulture);
        var body = new StringBuilder()
            .Append("<section class=\"card\">\n<h1>").Append(Title).Append("</h1>\n<p>")
            .Append(PageLayout.Encode(workerName)).Append(" — marcações das últimas ").Append(hours).Append(" horas.</p>\n");
        if (items.Count == 0)
        {
            body.Append("<p>Nenhuma marcação neste período.</p>\n");
        }
        else
        {
            body.Append("<ul class=\"receipts\">\n");
            foreach (var item in items)
            {
                var at = item.Receipt.PunchedAt;
                body.Append("<li><a href=\"").Append(PageLayout.Encode(item.Path)).Append("\">")
                    .Append(PageLayout.Encode(at.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture)))
                    .Append("</a> <span class=\"nsr\">NSR ")
                    .Append(item.Receipt.Nsr.ToString("000000000", CultureInfo.InvariantCulture)).Append("</span></li>\n");
            }

            body.Append("</ul>\n");
        }

        body.Append("</section>\n<p class=\"actions\"><a href=\"").Append(PunchPages.FormPath).Append("\">Registrar ponto</a></p>\n");
        return PageLayout.Page(Title, body.ToString());
    }

    /// <summary>A short page that says why a receipt cannot be shown, with the way back to the form.</summary>
    public static string Message(string title, string text)
    {
        var body = new StringBuilder()
            .Append("<section class=\"card error\" role=\"alert\">\n<h1>").Append(PageLayout.Encode(title)).Append("</h1>\n<p>")
            .Append(PageLayout.Encode(text)).Append("</p>\n</section>\n<p class=\"actions\"><a href=\"").Append(PunchPages.FormPath)
            .Append("\">Registrar ponto</a></p>\n");
        return PageLayout.Page(title, body.ToString());
    }
}
