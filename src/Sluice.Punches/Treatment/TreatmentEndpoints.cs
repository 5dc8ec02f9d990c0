using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Punches.Exports;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Punches.Timesheets;
using Sluice.Security;

namespace Sluice.Punches.Treatment;

/// <summary>
/// Treated markings: each one a new row with who, when and why, on top of the ledger, which is only read. Disregarding a
/// punch names it by NSR, so the AFD, which keeps it, and the AEJ, which shows it set aside, tell one story.
/// </summary>
internal static class TreatmentEndpoints
{
    public static async Task<Results<Created<TreatmentView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, TreatmentRequest? request, ClaimsPrincipal caller, TreatmentStore store, LedgerQueries ledger, EmployeeDirectory directory,
        IOptions<PunchesOptions> options, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var errors = TreatmentValidator.Validate(request, now, options.Value.FutureTolerance);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The treated marking is not valid; nothing was stored.");
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.TryGetValue(id, out var employee))
        {
            return Problems.NotFound("No employee with this id.");
        }

        if (!caller.MayActFor(employee.EstablishmentId.ToString()))
        {
            return Problems.OutOfScope(caller);
        }

        var kind = Treatment.Parse(request!.Kind)!.Value;
        DateTimeOffset at;
        if (kind == TreatmentKind.Disregarded)
        {
            var punch = await ledger.FindPunchAsync(employee.EstablishmentId, request.Nsr!.Value, ct);
            if (punch is null || punch.EmployeeId != id)
            {
                return TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["nsr"] = [$"No punch of this employee has NSR {request.Nsr}."] },
                    title: "The treated marking is not valid; nothing was stored.");
            }

            at = punch.PunchedAt;
        }
        else
        {
            at = ZoneTime.InZone(TreatmentValidator.Instant(request.PunchedAt)!.Value, snapshot.Zone(employee.EstablishmentId));
        }

        if (ResponsiblePerson.Cpf(caller, options.Value.ResponsibleCpfClaim) is not { } responsible)
        {
            return ResponsiblePerson.Missing(caller, options.Value.ResponsibleCpfClaim);
        }

        var treatment = new Treatment(Guid.CreateVersion7(now), employee.EstablishmentId, id, kind, at,
            kind == TreatmentKind.Disregarded ? request.Nsr : null, request.Reason!.Trim(), responsible, now);
        if (!await store.AddTreatmentAsync(treatment, ct))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status409Conflict,
                title: "Nothing was stored: this punch is already disregarded.",
                detail: $"NSR {request.Nsr} has a disregarded marking; GET /api/employees/{id}/treatments shows who made it and why.",
                extensions: new Dictionary<string, object?> { ["field"] = "nsr" });
        }

        return TypedResults.Created($"/api/employees/{id}/treatments", treatment.View());
    }

    public static async Task<Results<Ok<TreatmentView[]>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, string? from, string? to, TreatmentStore store, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.TryGetValue(id, out var employee))
        {
            return Problems.NotFound("No employee with this id.");
        }

        var zone = snapshot.Zone(employee.EstablishmentId);
        var (first, last, errors) = Period(from, to, zone, time);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The period is not valid.");
        }

        var treatments = await store.ForEmployeeAsync(id, ZoneTime.StartOfDay(first, zone), ZoneTime.StartOfDay(last.AddDays(1), zone), ct);
        return TypedResults.Ok(treatments.Select(t => t.View()).ToArray());
    }

    public static async Task<Results<Ok<EmployeeMarkingsView>, ValidationProblem, ProblemHttpResult>> MarkingsAsync(
        Guid id, string? from, string? to, TreatedMarkings markings, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.TryGetValue(id, out var employee))
        {
            return Problems.NotFound("No employee with this id.");
        }

        var zone = snapshot.Zone(employee.EstablishmentId);
        var (first, last, errors) = Period(from, to, zone, time);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The period is not valid.");
        }

        return TypedResults.Ok((await markings.ForEmployeeAsync(id, first, last, zone, ct)).View(first, last));
    }

    /// <summary>Local days, the current month by default, at most <see cref="TimesheetRules.MaxDays"/>.</summary>
    private static (DateOnly First, DateOnly Last, Dictionary<string, string[]> Errors) Period(string? from, string? to, TimeZoneInfo zone, TimeProvider time)
    {
        var today = ZoneTime.LocalDate(time.GetUtcNow(), zone);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var first = ExportsApi.ParseDate(from, "from", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var last = ExportsApi.ParseDate(to, "to", errors) ?? today;
        if (errors.Count == 0 && (last < first || last.DayNumber - first.DayNumber + 1 > TimesheetRules.MaxDays))
        {
            errors["to"] = [$"Must be from `from` to {TimesheetRules.MaxDays} days after it."];
        }

        return (first, last, errors);
    }
}
