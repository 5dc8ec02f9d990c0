using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Punches.Timesheets;
using Sluice.Security;

namespace Sluice.Punches.Exports;

/// <summary>The AFD file (Portaria 671) and timesheets, read from the ledger.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/establishments/{id:guid}/afd", GetAfdAsync).WithTags("Exports").WithName("GetAfd")
            .WithSummary("Stream the AFD of the records made from `from` to `to` (dates, establishment's zone), named as the regulation says.")
            .RequireSluicePolicy(SluicePolicies.Read);
        app.MapGet("/api/employees/{id:guid}/timesheet", GetTimesheetAsync).WithTags("Exports").WithName("GetTimesheet")
            .WithSummary("In/out pairs per day in the establishment's zone, worked minutes, days missing a punch; text/csv on Accept.")
            .RequireSluicePolicy(SluicePolicies.Read);
        return app;
    }

    /// <summary>
    /// Streams from the ledger's forward-only reader into the AFD writer and on to the response: memory stays flat
    /// whatever the number of records. Errors found before the first byte are problems; later ones cut the download.
    /// </summary>
    /// <remarks>The header shows the employer as the last type 2 record before the period's end states it.</remarks>
    internal static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> GetAfdAsync(
        Guid id, string? from, string? to, HttpContext http, LedgerQueries ledger, EmployeeDirectory directory,
        IOptions<PunchesOptions> options, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Establishments.TryGetValue(id, out var establishment))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        var zone = snapshot.Zone(id);
        var today = ZoneTime.LocalDate(time.GetUtcNow(), zone);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = ParseDate(from, "from", errors) ?? today.AddDays(-30);
        var last = ParseDate(to, "to", errors) ?? today;
        if (errors.Count == 0 && last < first)
        {
            errors["to"] = ["Must not be before from."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The period is not valid.");
        }

        if (AfdDeveloper.From(options.Value.DeveloperDocument) is not { } developer)
        {
            return AfdDeveloper.Missing();
        }

        if (InpiNumbers.Normalize(establishment.InpiNumber) is not { } inpi)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "The AFD cannot be written: the establishment's INPI number is not a valid registration.",
                detail: $"'{establishment.InpiNumber}' is not BR 51, a year, six digits and a check digit; correct it with PUT /api/establishments/{id}.",
                extensions: new Dictionary<string, object?> { ["field"] = "inpiNumber" });
        }

        var end = ZoneTime.StartOfDay(last.AddDays(1), zone);
        var employer = (await ledger.EmployersAsync(id, ct)).InForceBefore(end, establishment);
        var header = new AfdHeader(
            employer.DocumentType == 1 ? AfdDocumentType.Cnpj : AfdDocumentType.Cpf, employer.Document, employer.CnoCaepf,
            employer.LegalName, inpi, first, last, ZoneTime.InZone(time.GetUtcNow(), zone), developer.Type, developer.Document);
        http.Response.ContentType = AfdWriter.ContentType;
        http.Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = AfdFileName.For(inpi, employer.Document),
        }.ToString();
        var fromMs = LedgerTimes.Ms(ZoneTime.StartOfDay(first, zone));
        var toMs = LedgerTimes.Ms(end);
        await ledger.ReadRecordsAsync(id, fromMs, toMs, async (records, token) =>
        {
            await AfdWriter.WriteAsync(http.Response.Body, header, Entries(records, zone), token);
            return 0;
        }, ct);
        return TypedResults.Empty;
    }

    internal static async Task<Results<Ok<Timesheet>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetTimesheetAsync(
        Guid id, string? from, string? to, HttpRequest http, LedgerQueries ledger, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.TryGetValue(id, out var employee))
        {
            return Problems.NotFound("No employee with this id.");
        }

        var zone = snapshot.Zone(employee.EstablishmentId);
        var today = ZoneTime.LocalDate(time.GetUtcNow(), zone);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = ParseDate(from, "from", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var last = ParseDate(to, "to", errors) ?? today;
        if (errors.Count == 0 && (last < first || last.DayNumber - first.DayNumber + 1 > TimesheetRules.MaxDays))
        {
            errors["to"] = [$"Must be from `from` to {TimesheetRules.MaxDays} days after it."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The period is not valid.");
        }

        var (start, end) = TimesheetBuilder.Window(first, last, zone, TimesheetRules.Default);
        var punches = await ledger.ForEmployeeAsync(id, start, end, ct);
        var timesheet = TimesheetBuilder.Build(punches.Select(p => new TimesheetPunch(p.PunchedAt, $"{p.Collector.Name()}:{p.DeviceId}")), zone, first, last);
        return http.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? TypedResults.Content(TimesheetCsv.Render(timesheet), "text/csv; charset=utf-8")
            : TypedResults.Ok(timesheet);
    }

    /// <summary>
    /// A punch is written exactly as stored, because its hash covers that text (punches stored since local time was
    /// fixed are in the establishment's zone; older ones keep the offset they were hashed with). Records without a hash
    /// are written in the establishment's zone.
    /// </summary>
    private static async IAsyncEnumerable<AfdEntry> Entries(IAsyncEnumerable<LedgerRecord> records, TimeZoneInfo zone)
    {
        await foreach (var record in records)
        {
            var at = ZoneTime.InZone(record.RecordedAt, zone);
            yield return record.Type switch
            {
                7 => new AfdPunchEntry(record.Nsr, record.PunchedAt!.Value, record.Cpf, record.RecordedAt, (int)record.Collector!.Value, record.Offline, record.Hash!),
                5 => new AfdEmployeeEntry(record.Nsr, at, (AfdEmployeeOperation)record.Operation![0], record.Cpf, record.Name ?? "", record.ResponsibleCpf ?? ""),
                2 => new AfdEmployerEntry(record.Nsr, at, record.ResponsibleCpf ?? "", record.DocumentType == 2 ? AfdDocumentType.Cpf : AfdDocumentType.Cnpj,
                    record.Document ?? "", record.CnoCaepf, record.Name ?? "", record.Place),
                6 => new AfdEventEntry(record.Nsr, at, record.Event!),
                _ => throw new InvalidOperationException($"NSR {record.Nsr}: the ledger holds a record of type {record.Type}, which has no AFD line."),
            };
        }
    }

    private static readonly DateOnly EarliestDate = new(1900, 1, 1);

    private static readonly DateOnly LatestDate = new(2999, 12, 31);

    private static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            && date >= EarliestDate && date <= LatestDate)
        {
            return date;
        }

        // Bounded so that a day either side, in any zone, is still a date (0001-01-01 and 9999-12-31 overflowed into 500s).
        errors[field] = [$"Use a date as yyyy-MM-dd, from {EarliestDate:yyyy-MM-dd} to {LatestDate:yyyy-MM-dd}."];
        return null;
    }
}
