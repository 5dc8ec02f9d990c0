using System.Globalization;
using Sluice.Punches.Exports;
using Sluice.Punches.Timesheets;

namespace Sluice.Punches.Espelho;

/// <summary>The period an Espelho covers: <c>month</c> (yyyy-MM, the whole month) or <c>from</c>/<c>to</c>; by default this month so far.</summary>
internal static class EspelhoPeriod
{
    /// <summary>The period, or the problems with what was asked, each under its field.</summary>
    public static (DateOnly From, DateOnly To)? Read(string? from, string? to, string? month, DateOnly today, Dictionary<string, string[]> errors)
    {
        if (month is not null)
        {
            if (from is not null || to is not null)
            {
                errors["month"] = ["Give either `month` or `from`/`to`, not both."];
                return null;
            }

            if (Month(month) is not { } first)
            {
                errors["month"] = ["Use a month as yyyy-MM, from 1900-01 to 2999-12."];
                return null;
            }

            return (first, first.AddMonths(1).AddDays(-1));
        }

        var start = ExportEndpoints.ParseDate(from, "from", errors) ?? new DateOnly(today.Year, today.Month, 1);
        var end = ExportEndpoints.ParseDate(to, "to", errors) ?? (from is null ? today : start.AddMonths(1).AddDays(-1));
        if (errors.Count == 0 && (end < start || end.DayNumber - start.DayNumber + 1 > TimesheetRules.MaxDays))
        {
            errors["to"] = [$"Must be from `from` to {TimesheetRules.MaxDays} days after it."];
        }

        return errors.Count == 0 ? (start, end) : null;
    }

    /// <summary>The first day of a yyyy-MM month, or null.</summary>
    public static DateOnly? Month(string? text) =>
        text is not null && DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
            && first.Year is >= 1900 and <= 2999
            ? first
            : null;
}
