using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Exports;
using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Treatment;

/// <summary>
/// Treated markings: each one a new row with who, when and why, on top of the ledger, which is only read. Disregarding a
/// punch names it by NSR, so the AFD, which keeps it, and the AEJ, which shows it set aside, tell one story.
/// </summary>
internal static class TreatmentEndpoints
{
    public static async Task<Results<Created<TreatmentView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, TreatmentRequest? request, TreatmentStore store, LedgerQueries ledger, EmployeeDirectory directory,
        [AsParameters] TreatmentAuthor author, CancellationToken ct)
    {
        var now = author.Time.GetUtcNow();
        var errors = TreatmentValidator.Validate(request, now, author.Options.Value.FutureTolerance);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The treated marking is not valid; nothing was stored.");
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.TryGetValue(id, out var employee))
        {
            return Problems.NotFound("No employee with this id.");
        }

        if (!author.Caller.MayActFor(employee.EstablishmentId.ToString()))
        {
            return Problems.OutOfScope(author.Caller);
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

        if (author.Cpf is not { } responsible)
        {
            return author.Missing();
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
        var asked = await EmployeePeriod.ReadAsync(id, from, to, directory, time, ct);
        if (asked.Period is not { } period)
        {
            return asked.Invalid is { } invalid ? invalid : asked.NotFound!;
        }

        var treatments = await store.ForEmployeeAsync(id, period.Start, period.End, ct);
        return TypedResults.Ok(treatments.Select(t => t.View()).ToArray());
    }

    public static async Task<Results<Ok<EmployeeMarkingsView>, ValidationProblem, ProblemHttpResult>> MarkingsAsync(
        Guid id, string? from, string? to, TreatedMarkings markings, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var asked = await EmployeePeriod.ReadAsync(id, from, to, directory, time, ct);
        if (asked.Period is not { } period)
        {
            return asked.Invalid is { } invalid ? invalid : asked.NotFound!;
        }

        return TypedResults.Ok((await markings.ForEmployeeAsync(id, period.First, period.Last, period.Zone, ct)).View(period.First, period.Last));
    }
}
