using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Espelho;
using Sluice.Punches.Pages;
using Sluice.Punches.Receipts;
using Sluice.Punches.Registry;

namespace Sluice.Punches.WebPage;

/// <summary>
/// The worker's own Espelho. Portaria 671 Art. 84, parágrafo único: "O trabalhador deverá ter acesso às informações
/// constantes do relatório Espelho de Ponto Eletrônico por meio de sistema informatizado, mensalmente de forma
/// eletrônica ou impressa". On <c>/punch</c> the worker's CPF (or code) and web PIN, as for punching, lead to a
/// short-lived signed link (<see cref="EspelhoLinks"/>) that shows any month and gives its PDF.
/// </summary>
internal static class WorkerEspelhoEndpoints
{
    public const string MonthField = "month";

    /// <summary>Checks the worker's credentials, then redirects (302, followed with a GET) to their link, so a reload never posts the PIN again.</summary>
    internal static async Task<Results<RedirectHttpResult, ContentHttpResult>> SignInAsync(
        HttpRequest http, EmployeeDirectory directory, WebPinGuard guard, EspelhoLinks links, CancellationToken ct)
    {
        WorkerAnswers.KeepPrivate(http.HttpContext);
        var signIn = await WorkerSignIn.CheckAsync(http, directory, guard, ct);
        if (signIn is not { Employee: { } employee })
        {
            return signIn.Refusal!;
        }

        // The form's month when it is one; otherwise the link's page shows the current month.
        var month = http.Form[MonthField].ToString();
        var query = EspelhoPeriod.Month(month) is not null ? "?" + MonthField + "=" + month : "";
        return TypedResults.Redirect(EspelhoLinks.PathPrefix + links.TokenFor(employee.Id) + query);
    }

    internal static async Task<Results<ContentHttpResult, ProblemHttpResult>> PageAsync(
        string token, string? month, HttpContext http, EspelhoLinks links, EmployeeDirectory directory, EspelhoReports reports,
        TimeProvider time, CancellationToken ct)
    {
        WorkerAnswers.KeepPrivate(http);
        var opened = await OpenAsync(token, month, http, links, directory, reports, time, ct);
        if (opened.Refusal is { } refusal)
        {
            return refusal;
        }

        var report = opened.Report!;
        var body = await ComponentHtml.RenderAsync<EspelhoPage>(http.RequestServices, new Dictionary<string, object?>
        {
            [nameof(EspelhoPage.Report)] = report,
            [nameof(EspelhoPage.Month)] = report.From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            [nameof(EspelhoPage.MonthAction)] = EspelhoLinks.PathPrefix + token,
            [nameof(EspelhoPage.PdfPath)] = EspelhoLinks.PathPrefix + token + "/pdf?" + MonthField + "=" + report.From.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        });
        return PunchPages.Html(body);
    }

    internal static async Task<Results<ContentHttpResult, FileContentHttpResult, ProblemHttpResult>> PdfAsync(
        string token, string? month, HttpContext http, EspelhoLinks links, EmployeeDirectory directory, EspelhoReports reports,
        TimeProvider time, CancellationToken ct)
    {
        WorkerAnswers.KeepPrivate(http);
        var opened = await OpenAsync(token, month, http, links, directory, reports, time, ct);
        if (opened.Refusal is { } refusal)
        {
            return WorkerAnswers.OrFile(refusal);
        }

        return TypedResults.File(await EspelhoPdf.RenderAsync(opened.Report!), EspelhoPdf.ContentType, EspelhoReports.FileName(opened.Report!) + ".pdf");
    }

    /// <summary>The month's Espelho of the worker the link names (the current month when none is asked), or why not.</summary>
    private static async Task<(EspelhoReport? Report, Results<ContentHttpResult, ProblemHttpResult>? Refusal)> OpenAsync(
        string token, string? month, HttpContext http, EspelhoLinks links, EmployeeDirectory directory, EspelhoReports reports,
        TimeProvider time, CancellationToken ct)
    {
        var (state, employeeId) = links.Read(token);
        if (state == ReceiptLinkState.Expired)
        {
            return (null, await WorkerAnswers.RefusalAsync(http, StatusCodes.Status410Gone, "Link expirado",
                "Este link do espelho de ponto expirou. Entre de novo em Registrar ponto, com CPF (ou matrícula) e PIN.",
                "token", "The Espelho link has expired."));
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (state != ReceiptLinkState.Valid || !snapshot.Employees.TryGetValue(employeeId, out var employee))
        {
            return (null, await WorkerAnswers.RefusalAsync(http, StatusCodes.Status404NotFound, "Espelho não encontrado",
                "Este link não é válido. Entre em Registrar ponto, com CPF (ou matrícula) e PIN.",
                "token", "The Espelho link is not valid: it was not made by this Sluice, or it was changed."));
        }

        DateOnly first;
        if (month is null)
        {
            var today = ZoneTime.LocalDate(time.GetUtcNow(), snapshot.Zone(employee.EstablishmentId));
            first = new DateOnly(today.Year, today.Month, 1);
        }
        else if (EspelhoPeriod.Month(month) is { } asked)
        {
            first = asked;
        }
        else
        {
            return (null, await WorkerAnswers.RefusalAsync(http, StatusCodes.Status400BadRequest, "Mês inválido", "Escolha o mês como ano e mês, por exemplo 2026-11.",
                MonthField, "Use a month as yyyy-MM, from 1900-01 to 2999-12."));
        }

        return (await reports.BuildAsync(employee, snapshot, first, first.AddMonths(1).AddDays(-1), ct), null);
    }
}
