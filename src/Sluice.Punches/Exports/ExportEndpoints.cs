using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Punches.Timesheets;
using Sluice.Punches.Timesheets.Page;
using Sluice.Security;

namespace Sluice.Punches.Exports;

/// <summary>The AFD and AEJ files (Portaria 671) and timesheets, read from the ledger and the treatment program.</summary>
internal static class ExportEndpoints
{
    /// <summary>
    /// Streams from the ledger's forward-only reader into the AFD writer and on to the response: memory stays flat
    /// whatever the number of records. Errors found before the first byte are problems; later ones cut the download.
    /// The <c>Link</c> header names this production's signature (<c>afd.p7s</c> with the same <see cref="AfdQuery"/>).
    /// </summary>
    internal static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> GetAfdAsync(
        Guid id, [AsParameters] AfdQuery query, HttpContext http, AfdProductions productions, LedgerQueries ledger,
        IOptions<PunchesOptions> options, CancellationToken ct)
    {
        var prepared = await productions.PrepareAsync(id, query, options.Value.DeveloperDocument, ct);
        if (prepared.Production is not { } production)
        {
            return prepared.Invalid is { } invalid ? invalid : prepared.Refused!;
        }

        http.Response.ContentType = AfdWriter.ContentType;
        http.Response.Headers.ContentDisposition = Attachment(production.FileName);
        http.Response.Headers.Link = $"</api/establishments/{id}/afd.p7s?{production.Query}>; rel=\"signature\"";
        await production.WriteAsync(http.Response.Body, ledger, ct);
        return TypedResults.Empty;
    }

    internal static string Attachment(string fileName) => new ContentDispositionHeaderValue("attachment") { FileName = fileName }.ToString();

    internal static async Task<Results<Ok<Timesheet>, ContentHttpResult, ValidationProblem, ProblemHttpResult>> GetTimesheetAsync(
        Guid id, string? from, string? to, HttpRequest http, LedgerQueries ledger, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var asked = await EmployeePeriod.ReadAsync(id, from, to, directory, time, ct);
        if (asked.Period is not { } period)
        {
            return asked.Invalid is { } invalid ? invalid : asked.NotFound!;
        }

        var timesheet = await TimesheetAsync(id, period.Zone, period.First, period.Last, ledger, ct);
        return http.Headers.Accept.Any(a => a?.Contains("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            ? TimesheetCsv.Result(timesheet)
            : TypedResults.Ok(timesheet);
    }

    /// <summary>The period asked for: from the first of this month to today by default, at most <see cref="TimesheetRules.MaxDays"/> days.</summary>
    internal static (DateOnly First, DateOnly Last) Period(string? from, string? to, DateOnly today, Dictionary<string, string[]> errors) =>
        Period(from, to, FirstOfMonth(today), today, WithinMaxDays, errors);

    /// <summary>The period asked for, <paramref name="defaultFirst"/> to today by default; <paramref name="rule"/> says why it is not one to take.</summary>
    internal static (DateOnly First, DateOnly Last) Period(
        string? from, string? to, DateOnly defaultFirst, DateOnly today, Func<DateOnly, DateOnly, string?> rule, Dictionary<string, string[]> errors)
    {
        var first = ParseDate(from, "from", errors) ?? defaultFirst;
        var last = ParseDate(to, "to", errors) ?? today;
        if (errors.Count == 0 && rule(first, last) is { } error)
        {
            errors["to"] = [error];
        }

        return (first, last);
    }

    internal static DateOnly FirstOfMonth(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Why a period is not from <paramref name="first"/> to at most <see cref="TimesheetRules.MaxDays"/> days after it; null when it is.</summary>
    internal static string? WithinMaxDays(DateOnly first, DateOnly last) =>
        last < first || last.DayNumber - first.DayNumber + 1 > TimesheetRules.MaxDays ? $"Must be from `from` to {TimesheetRules.MaxDays} days after it." : null;

    /// <summary>An employee's timesheet for the days from <paramref name="first"/> to <paramref name="last"/> in <paramref name="zone"/>.</summary>
    internal static async Task<Timesheet> TimesheetAsync(Guid employeeId, TimeZoneInfo zone, DateOnly first, DateOnly last, LedgerQueries ledger, CancellationToken ct)
    {
        var (start, end) = TimesheetBuilder.Window(first, last, zone, TimesheetRules.Default);
        var punches = await ledger.ForEmployeeAsync(employeeId, start, end, ct);
        return TimesheetBuilder.Build(punches.Select(p => new TimesheetPunch(p.PunchedAt, $"{p.Collector.Name()}:{p.DeviceId}")), zone, first, last);
    }

    private static readonly DateOnly EarliestDate = new(1900, 1, 1);

    private static readonly DateOnly LatestDate = new(2999, 12, 31);

    internal static DateOnly? ParseDate(string? text, string field, Dictionary<string, string[]> errors)
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
