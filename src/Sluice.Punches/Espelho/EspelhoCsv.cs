using System.Globalization;
using nietras.SeparatedValues;

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
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(text))
        {
            string[] who = [report.Employer.Document, report.Worker.Cpf, report.Worker.Code];
            foreach (var day in report.Days)
            {
                Row(writer, [.. who,
                    day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), EspelhoText.Weekday(day.Date),
                    EspelhoText.CountedMarkings(day), EspelhoText.Treated(day),
                    Number(day.WorkedMinutes), EspelhoText.Hours(day.WorkedMinutes), Number(day.NightMinutes), Number(day.NightMinutesCounted),
                    Number(day.DurationMinutes), EspelhoText.Hours(day.DurationMinutes), day.MissingPunch ? "yes" : "no"]);
            }

            var totals = report.Totals;
            Row(writer, [.. who, "total", "", "", "",
                Number(totals.WorkedMinutes), EspelhoText.Hours(totals.WorkedMinutes), Number(totals.NightMinutes), Number(totals.NightMinutesCounted),
                Number(totals.DurationMinutes), EspelhoText.Hours(totals.DurationMinutes), Number(totals.DaysWithMissingPunch)]);
        }

        return text.ToString();
    }

    private static void Row(SepWriter writer, string[] values)
    {
        using var row = writer.NewRow();
        for (var i = 0; i < Columns.Length; i++)
        {
            row[Columns[i]].Set(values[i]);
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
