using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Registry;
using Sluice.Punches.Timesheets;

namespace Sluice.Punches.Exports;

/// <summary>An employee and the local days asked for about them, in their establishment's zone.</summary>
internal sealed record EmployeePeriod(Employee Employee, TimeZoneInfo Zone, DateOnly First, DateOnly Last)
{
    /// <summary>The first day's start.</summary>
    public DateTimeOffset Start => ZoneTime.StartOfDay(First, Zone);

    /// <summary>The day after the last one's start.</summary>
    public DateTimeOffset End => ZoneTime.StartOfDay(Last.AddDays(1), Zone);

    /// <summary>The employee <paramref name="id"/> names and the days from <paramref name="from"/> to <paramref name="to"/>: the current
    /// month by default, at most <see cref="TimesheetRules.MaxDays"/>; or why not (no such employee, or the period is invalid).</summary>
    public static async Task<(EmployeePeriod? Period, ValidationProblem? Invalid, ProblemHttpResult? NotFound)> ReadAsync(
        Guid id, string? from, string? to, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Employees.TryGetValue(id, out var employee))
        {
            return (null, null, Problems.NotFound("No employee with this id."));
        }

        var zone = snapshot.Zone(employee.EstablishmentId);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (first, last) = ExportEndpoints.Period(from, to, ZoneTime.LocalDate(time.GetUtcNow(), zone), errors);
        return errors.Count > 0
            ? (null, TypedResults.ValidationProblem(errors, title: "The period is not valid."), null)
            : (new EmployeePeriod(employee, zone, first, last), null, null);
    }
}
