using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Treatment;

/// <summary>Contractual schedules: named, per establishment, referenced by employees' contracts and written to the AEJ as type 04.</summary>
internal static class ScheduleEndpoints
{
    public static async Task<Results<Created<ScheduleView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid id, ScheduleRequest? request, TreatmentStore store, EmployeeDirectory directory,
        [AsParameters] TreatmentAuthor author, CancellationToken ct)
    {
        if (!author.Caller.MayActFor(id.ToString()))
        {
            return Problems.OutOfScope(author.Caller);
        }

        var errors = TreatmentValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The schedule is not valid; nothing was stored.");
        }

        if (!(await directory.RefreshIfStaleAsync(ct)).Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        if (author.Cpf is not { } responsible)
        {
            return author.Missing();
        }

        var now = author.Time.GetUtcNow();
        var schedule = ToSchedule(Guid.CreateVersion7(now), id, request!, now, now, responsible);
        return await store.CreateScheduleAsync(schedule, ct)
            ? TypedResults.Created($"/api/schedules/{schedule.Id}", schedule.View())
            : CodeTaken();
    }

    public static async Task<Results<Ok<ScheduleView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ScheduleRequest? request, TreatmentStore store, [AsParameters] TreatmentAuthor author,
        CancellationToken ct)
    {
        var errors = TreatmentValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The schedule is not valid; nothing was changed.");
        }

        if (await store.ScheduleAsync(id, ct) is not { } existing)
        {
            return Problems.NotFound("No schedule with this id.");
        }

        if (!author.Caller.MayActFor(existing.EstablishmentId.ToString()))
        {
            return Problems.OutOfScope(author.Caller);
        }

        if (author.Cpf is not { } responsible)
        {
            return author.Missing();
        }

        var schedule = ToSchedule(id, existing.EstablishmentId, request!, existing.CreatedAt, author.Time.GetUtcNow(), responsible);
        return await store.UpdateScheduleAsync(schedule, ct) ? TypedResults.Ok(schedule.View()) : CodeTaken();
    }

    public static async Task<Results<Ok<ScheduleView[]>, ProblemHttpResult>> ListAsync(
        Guid id, TreatmentStore store, EmployeeDirectory directory, CancellationToken ct)
    {
        if (!(await directory.RefreshIfStaleAsync(ct)).Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        return TypedResults.Ok((await store.SchedulesAsync(id, ct)).Select(s => s.View()).ToArray());
    }

    private static ProblemHttpResult CodeTaken() => TypedResults.Problem(
        statusCode: StatusCodes.Status409Conflict,
        title: "Nothing was stored: the establishment has another schedule with this code.",
        detail: "A schedule's code is how employees and the AEJ name it; choose another, or change that schedule.",
        extensions: new Dictionary<string, object?> { ["field"] = "code" });

    /// <summary>Without <c>dailyMinutes</c>, the day lasts the sum of its pairs (an exit before its entry is the next day).</summary>
    private static Schedule ToSchedule(Guid id, Guid establishmentId, ScheduleRequest request, DateTimeOffset createdAt, DateTimeOffset updatedAt, string responsible)
    {
        var pairs = request.Pairs!.Select(p => (TreatmentValidator.Time(p.Entry)!.Value, TreatmentValidator.Time(p.Exit)!.Value)).ToList();
        var minutes = request.DailyMinutes ?? pairs.Sum(p => (int)((p.Item2 - p.Item1).TotalMinutes + 1440) % 1440);
        var days = request.WeekDays!.Select(d => Array.IndexOf(Schedule.DayNames, d.ToLowerInvariant()) + 1).Order().ToList();
        var code = request.Code!.Trim();
        return new Schedule(id, establishmentId, code, string.IsNullOrWhiteSpace(request.Name) ? code : request.Name.Trim(), minutes, pairs, days,
            createdAt, updatedAt, responsible);
    }
}
