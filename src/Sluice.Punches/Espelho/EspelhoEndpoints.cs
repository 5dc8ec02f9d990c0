using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using Sluice.Punches.Exports;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Espelho;

/// <summary>
/// The Espelho de Ponto (Portaria 671 Art. 84) of an employee for a period, for HR and reporting: JSON, CSV for
/// <c>Accept: text/csv</c>, or the printable PDF for <c>Accept: application/pdf</c>. Same policy as the timesheet.
/// </summary>
internal static class EspelhoEndpoints
{
    internal static async Task<Results<Ok<EspelhoReport>, ContentHttpResult, FileContentHttpResult, ValidationProblem, ProblemHttpResult>> GetAsync(
        Guid id, string? from, string? to, string? month, HttpRequest http, EmployeeDirectory directory, EspelhoReports reports,
        TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.TryGetValue(id, out var employee))
        {
            return Problems.NotFound("No employee with this id.");
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var today = ZoneTime.LocalDate(time.GetUtcNow(), snapshot.Zone(employee.EstablishmentId));
        if (EspelhoPeriod.Read(from, to, month, today, errors) is not { } period)
        {
            return TypedResults.ValidationProblem(errors, title: "The period is not valid.");
        }

        var report = await reports.BuildAsync(employee, snapshot, period.From, period.To, ct);
        if (Accepts(http, EspelhoPdf.ContentType))
        {
            return TypedResults.File(await EspelhoPdf.RenderAsync(report), EspelhoPdf.ContentType, EspelhoReports.FileName(report) + ".pdf");
        }

        if (Accepts(http, "text/csv"))
        {
            http.HttpContext.Response.Headers.ContentDisposition = ExportEndpoints.Attachment(EspelhoReports.FileName(report) + ".csv");
            return TypedResults.Content(EspelhoCsv.Render(report), EspelhoCsv.ContentType);
        }

        // Inline, but named: a client saving the JSON (sluice espelho) names it like the CSV and the PDF.
        http.HttpContext.Response.Headers.ContentDisposition =
            new ContentDispositionHeaderValue("inline") { FileName = EspelhoReports.FileName(report) + ".json" }.ToString();
        return TypedResults.Ok(report);
    }

    private static bool Accepts(HttpRequest http, string mediaType) =>
        http.Headers.Accept.Any(a => a?.Contains(mediaType, StringComparison.OrdinalIgnoreCase) == true);
}
