using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Assets;
using Sluice.Punches.Exports;
using Sluice.Punches.Ledger;
using Sluice.Punches.Pages;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Timesheets.Page;

/// <summary>
/// HR's timesheet page. Like the dashboard it sits under <c>/dashboard</c> (a root Sluice already owns, so no path of
/// the legacy system is taken) and is a public shell with a small script that sends the reader's bearer token; what
/// it shows is rendered on the server from a Razor template by <see cref="TimesheetPageApi.ViewPath"/>, which needs the read role
/// (hr, auditor or admin), the same as the JSON and CSV timesheets it links to.
/// </summary>
internal static class TimesheetPageEndpoints
{
    internal static async Task<Results<ContentHttpResult, ValidationProblem>> ViewAsync(
        string? establishment, string? employee, string? from, string? to,
        EmployeeDirectory directory, LedgerQueries ledger, TimeProvider time, HttpContext http, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var place = Find(establishment, "establishment", snapshot.Establishments, errors);
        var person = place is null ? null : Find(employee, "employee", snapshot.Employees, errors);
        if (person is not null && person.EstablishmentId != place!.Id)
        {
            errors["employee"] = ["This employee is not registered in the chosen establishment."];
        }

        var zone = place is null ? TimeZoneInfo.Utc : snapshot.Zone(place.Id);
        var (first, last) = ExportEndpoints.Period(NullIfEmpty(from), NullIfEmpty(to), ZoneTime.LocalDate(time.GetUtcNow(), zone), errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The timesheet cannot be shown.");
        }

        var sheet = person is null
            ? null
            : TimesheetPageBuilder.Sheet(person, place!, await ExportEndpoints.TimesheetAsync(person.Id, zone, first, last, ledger, ct));
        var model = new TimesheetPageModel(
            TimesheetPageBuilder.Establishments(snapshot, place?.Id),
            place is null ? [] : TimesheetPageBuilder.Employees(snapshot, place.Id, person?.Id),
            TimesheetPageBuilder.Iso(first),
            TimesheetPageBuilder.Iso(last),
            sheet);
        var html = await ComponentHtml.RenderAsync<TimesheetView>(http.RequestServices, new Dictionary<string, object?> { [nameof(TimesheetView.Model)] = model });
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Content(html, "text/html; charset=utf-8", Encoding.UTF8);
    }

    private static T? Find<T>(string? text, string field, IReadOnlyDictionary<Guid, T> known, Dictionary<string, string[]> errors)
        where T : class
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (Guid.TryParse(text, out var id) && known.TryGetValue(id, out var found))
        {
            return found;
        }

        errors[field] = [$"No {field} with this id."];
        return null;
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    internal static FileContentHttpResult Asset(string name, string contentType) =>
        EmbeddedAssets.File(typeof(TimesheetPageEndpoints).Assembly, $"Sluice.Timesheets.{name}", contentType, "timesheet page");
}
