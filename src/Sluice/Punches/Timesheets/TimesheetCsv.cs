using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Punches.Timesheets;

/// <summary>
/// The timesheet as CSV (RFC 4180, comma, CRLF, UTF-8): one row per day, then a total row, so it opens as a
/// readable sheet. Intervals read "22:00-06:00+1" when the out is on a later day (+days).
/// </summary>
internal static class TimesheetCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public const string HeaderRow = "date,intervals,worked_minutes,worked,missing_punch,unpaired";

    /// <summary>The CSV as a response body.</summary>
    public static ContentHttpResult Result(Timesheet timesheet) =>
        TypedResults.Content(Render(timesheet), ContentType, Encoding.UTF8);

    public static string Render(Timesheet timesheet)
    {
        var csv = new StringBuilder();
        csv.Append(HeaderRow).Append("\r\n");
        foreach (var day in timesheet.Days)
        {
            Row(csv,
                day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.Join(' ', day.Intervals.Select(Interval)),
                day.WorkedMinutes.ToString(CultureInfo.InvariantCulture),
                Hours(day.WorkedMinutes),
                day.MissingPunch ? "yes" : "no",
                string.Join(' ', day.Unpaired.Select(p => p.ToString("HH:mm", CultureInfo.InvariantCulture))));
        }

        Row(csv, "total", "", timesheet.WorkedMinutes.ToString(CultureInfo.InvariantCulture), Hours(timesheet.WorkedMinutes),
            timesheet.DaysWithMissingPunch.ToString(CultureInfo.InvariantCulture), "");
        return csv.ToString();
    }

    private static string Interval(TimesheetInterval interval)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{interval.In:HH:mm}-{interval.Out:HH:mm}");
        var days = interval.Out.Date.Subtract(interval.In.Date).Days;
        return days > 0 ? text + "+" + days.ToString(CultureInfo.InvariantCulture) : text;
    }

    private static string Hours(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");

    private static void Row(StringBuilder csv, params string[] fields)
    {
        for (var i = 0; i < fields.Length; i++)
        {
            if (i > 0)
            {
                csv.Append(',');
            }

            var field = fields[i];
            // Every value is a date, a time or a number today; quoting keeps the rule safe if that changes.
            csv.Append(field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field);
        }

        csv.Append("\r\n");
    }
}
