using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Timesheets;

/// <summary>
/// The timesheet as CSV, written by Sep (comma, quoted where a value needs it, UTF-8, one line feed per row): one
/// row per day, then a total row, so it opens as a readable sheet. A time on a later day than the row's reads
/// "+days": "22:00-02:00+1 02:30+1-06:00+1" is a night shift with a break after midnight.
/// </summary>
internal static class TimesheetCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns =
    [
        "date", "intervals", "worked_minutes", "worked", "missing_punch", "unpaired", "night_minutes", "night_minutes_counted", "suspicious",
    ];

    /// <summary>The CSV as a response body.</summary>
    public static ContentHttpResult Result(Timesheet timesheet) =>
        TypedResults.Content(Render(timesheet), ContentType, Encoding.UTF8);

    public static string Render(Timesheet timesheet) =>
        CsvRows.Render(Columns, timesheet.Days.Select(day => new[]
            {
                day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.Join(' ', day.Intervals.Select(i => Interval(day.Date, i))),
                Number(day.WorkedMinutes),
                Hours(day.WorkedMinutes),
                day.MissingPunch ? "yes" : "no",
                string.Join(' ', day.Unpaired.Select(p => Time(day.Date, p))),
                Number(day.NightMinutes),
                Number(day.NightMinutesCounted),
                string.Join(' ', day.Intervals.Where(i => i.Suspicious).Select(i => Interval(day.Date, i))),
            })
            .Append(["total", "", Number(timesheet.WorkedMinutes), Hours(timesheet.WorkedMinutes), Number(timesheet.DaysWithMissingPunch), "",
                Number(timesheet.NightMinutes), Number(timesheet.NightMinutesCounted), Number(timesheet.SuspiciousPairs)]));

    private static string Interval(DateOnly day, TimesheetInterval interval) => Time(day, interval.In) + "-" + Time(day, interval.Out);

    /// <summary>"HH:mm", with "+days" when the time is on a later local day than <paramref name="day"/>.</summary>
    private static string Time(DateOnly day, DateTimeOffset at)
    {
        var text = at.ToString("HH:mm", CultureInfo.InvariantCulture);
        var days = DateOnly.FromDateTime(at.DateTime).DayNumber - day.DayNumber;
        return days > 0 ? text + "+" + Number(days) : text;
    }

    private static string Number(int value) => CsvRows.Number(value);

    private static string Hours(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");
}
