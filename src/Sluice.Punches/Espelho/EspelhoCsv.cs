using System.Globalization;
using Sluice.Punches.Timesheets;

namespace Sluice.Punches.Espelho;

/// <summary>
/// The Espelho as CSV, written by Sep like the timesheet's: one row per day then a <c>total</c> row. Every row names
/// the employer and the worker, so a row taken out of the file still says whose day it is. Markings read as in the
/// PDF: "08:00 12:00 13:00(I) 17:00", and the treated ones with their reasons in <c>treated</c>.
/// </summary>
internal static class EspelhoCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Columns =
    [
        "employer_document", "employee_cpf", "employee_code", "date", "weekday", "markings", "treated", "worked_minutes", "worked",
        "night_minutes", "night_minutes_counted", "duration_minutes", "duration", "missing_punch",
    ];

    public static string Render(EspelhoReport report)
    {
        string[] who = [report.Employer.Document, report.Worker.Cpf, report.Worker.Code];
        var totals = report.Totals;
        return CsvRows.Render(Columns, report.Days
            .Select(day => (string[])[.. who,
                day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EspelhoText.Weekday(day.Date),
                EspelhoText.CountedMarkings(day), EspelhoText.Treated(day),
                Number(day.WorkedMinutes), EspelhoText.Hours(day.WorkedMinutes), Number(day.NightMinutes), Number(day.NightMinutesCounted),
                Number(day.DurationMinutes), EspelhoText.Hours(day.DurationMinutes), day.MissingPunch ? "yes" : "no"])
            .Append([.. who, "total", "", "", "",
                Number(totals.WorkedMinutes), EspelhoText.Hours(totals.WorkedMinutes), Number(totals.NightMinutes), Number(totals.NightMinutesCounted),
                Number(totals.DurationMinutes), EspelhoText.Hours(totals.DurationMinutes), Number(totals.DaysWithMissingPunch)]));
    }

    private static string Number(int value) => CsvRows.Number(value);
}
