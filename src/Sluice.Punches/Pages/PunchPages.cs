using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Pages;

/// <summary>
/// Seed 000's employee screens — the punch form, the success screen with the receipt, the error screen — and the
/// printable receipt. Plain server-rendered HTML in Portuguese that works on a phone without script; every value is
/// HTML-encoded. The caller picks the status code (the error screen goes out with 4xx).
/// </summary>
internal static class PunchPages
{
    public const string ContentType = "text/html; charset=utf-8";
    public const string FormPath = "/punch";
    public const string EmployeeField = "employee";
    public const string PinField = "pin";
    public const string ReceiptTitle = "Comprovante de Registro de Ponto do Trabalhador";
    public const string ReceiptListPath = "/punch/receipts";
    public const string EspelhoSignInPath = "/punch/espelho";

    /// <summary>A page as a result: <c>text/html; charset=utf-8</c> with the given status.</summary>
    public static ContentHttpResult Html(string page, int statusCode = StatusCodes.Status200OK) =>
        TypedResults.Content(page, ContentType, Encoding.UTF8, statusCode);

    public static string Form(PunchFormModel model) =>
        PageLayout.Page("Registrar ponto", FormBody(model, "Registrar ponto"));

    public static string Success(PunchReceiptModel receipt, string againPath = FormPath)
    {
        var body = new StringBuilder()
            .Append("<section class=\"card ok\" role=\"status\">\n<h1>Ponto registrado</h1>\n<h2>").Append(ReceiptTitle).Append("</h2>\n")
            .Append(ReceiptBody(receipt))
            .Append("</section>\n<p class=\"actions\">");
        if (receipt.ReceiptPath is { } path)
        {
            body.Append("<a href=\"").Append(PageLayout.Encode(path)).Append("\">Comprovante para imprimir</a>");
        }

        body.Append("<a href=\"").Append(PageLayout.Encode(againPath)).Append("\">Registrar outro ponto</a></p>\n");
        return PageLayout.Page("Ponto registrado", body.ToString());
    }

    public static string Error(PunchErrorModel model)
    {
        var body = new StringBuilder()
            .Append("<section class=\"card error\" role=\"alert\">\n<h1>Ponto não registrado</h1>\n<ul>\n");
        foreach (var problem in model.Problems)
        {
            body.Append("<li>").Append(PageLayout.Encode(problem)).Append("</li>\n");
        }

        body.Append("</ul>\n<p>Nada foi gravado. Corrija e tente de novo.</p>\n</section>\n")
            .Append(FormBody(model.Form, "Tentar de novo"));
        return PageLayout.Page("Ponto não registrado", body.ToString());
    }

    /// <summary>The printable receipt for <c>GET /api/punches/{id}/receipt</c> with <c>Accept: text/html</c>.</summary>
    public static string Receipt(PunchReceiptModel receipt)
    {
        var body = new StringBuilder()
            .Append("<section class=\"card\">\n<h1>").Append(ReceiptTitle).Append("</h1>\n")
            .Append(ReceiptBody(receipt))
            .Append("</section>\n");
        if (receipt.PdfPath is { } pdf)
        {
            body.Append("<p class=\"actions noprint\"><a href=\"").Append(PageLayout.Encode(pdf)).Append("\" download>Baixar PDF assinado</a></p>\n");
        }
        else
        {
            body.Append("<p class=\"noprint\">Para imprimir ou salvar em PDF, use a impressão do navegador.</p>\n");
        }

        return PageLayout.Page(ReceiptTitle, body.ToString());
    }

    private static string FormBody(PunchFormModel model, string button)
    {
        var form = new StringBuilder();
        if (model.Heading is { } heading)
        {
            form.Append("<p>").Append(PageLayout.Encode(heading)).Append("</p>\n");
        }

        form.Append("<form class=\"card\" method=\"post\" action=\"").Append(PageLayout.Encode(model.Action)).Append("\">\n");
        if (model.Antiforgery is { } antiforgery)
        {
            form.Append("<input type=\"hidden\" name=\"").Append(PageLayout.Encode(antiforgery.Name))
                .Append("\" value=\"").Append(PageLayout.Encode(antiforgery.Token)).Append("\">\n");
        }

        form.Append("<h1>Registrar ponto</h1>\n");
        if (model.Clock is { } clock)
        {
            form.Append("<p>Horário do registro: <strong>").Append(Time(clock)).Append("</strong></p>\n");
        }

        form
            .Append("<label for=\"").Append(EmployeeField).Append("\">CPF ou matrícula</label>\n")
            .Append("<input id=\"").Append(EmployeeField).Append("\" name=\"").Append(EmployeeField)
            .Append("\" required maxlength=\"32\" autocomplete=\"username\" autocapitalize=\"off\" value=\"")
            .Append(PageLayout.Encode(model.Employee)).Append("\">\n")
            .Append("<label for=\"").Append(PinField).Append("\">PIN</label>\n")
            .Append("<input id=\"").Append(PinField).Append("\" name=\"").Append(PinField)
            .Append("\" type=\"password\" inputmode=\"numeric\" required maxlength=\"64\" autocomplete=\"current-password\">\n")
            .Append("<button type=\"submit\">").Append(PageLayout.Encode(button)).Append("</button>\n")
            // The same credentials list the worker's receipts (Portaria 671 Art. 80 III); formaction needs no script.
            .Append("<button type=\"submit\" class=\"secondary\" formaction=\"").Append(ReceiptListPath).Append("\">Ver meus comprovantes</button>\n")
            // Art. 84, parágrafo único: the worker sees their Espelho with the same credentials.
            .Append("<button type=\"submit\" class=\"secondary\" formaction=\"").Append(EspelhoSignInPath).Append("\">Ver meu espelho de ponto</button>\n")
            .Append("</form>\n");
        return form.ToString();
    }

    /// <summary>A time as the establishment's clock shows it, to the second, with its offset: "21:07:33 (UTC-03:00)".</summary>
    private static string Time(DateTimeOffset at) =>
        at.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC" + at.ToString("zzz", CultureInfo.InvariantCulture) + ")";

    private static string ReceiptBody(PunchReceiptModel receipt)
    {
        var list = new StringBuilder("<dl>\n");
        void Item(string label, string? value, string? cssClass = null)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return;
            }

            list.Append("<dt>").Append(label).Append("</dt><dd")
                .Append(cssClass is null ? "" : $" class=\"{cssClass}\"").Append('>')
                .Append(PageLayout.Encode(value)).Append("</dd>\n");
        }

        var at = receipt.PunchedAt;
        Item("NSR", receipt.Nsr.ToString("000000000", CultureInfo.InvariantCulture));
        Item("Empregador", receipt.EmployerName);
        Item(DocumentFormat.Kind(receipt.EmployerDocument), DocumentFormat.Punctuate(receipt.EmployerDocument));
        Item("CNO/CAEPF", receipt.EmployerCnoOrCaepf);
        Item("Local de prestação de serviço", receipt.PlaceOfWork);
        Item("Trabalhador", receipt.WorkerName);
        Item("CPF do trabalhador", DocumentFormat.Punctuate(receipt.WorkerCpf));
        Item("Data", at.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));
        Item("Hora", Time(at));
        Item("Registro no INPI", receipt.Inpi);
        Item("Hash SHA-256", receipt.Hash, "hash");
        return list.Append("</dl>\n").ToString();
    }
}
