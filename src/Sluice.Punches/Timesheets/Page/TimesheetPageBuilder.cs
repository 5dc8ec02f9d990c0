using System.Globalization;
using Sluice.Punches.Pages;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Timesheets.Page;

/// <summary>Words and formats what the page shows, in Portuguese as HR in Brazil reads it.</summary>
internal static class TimesheetPageBuilder
{
    // Written out rather than taken from the pt-BR culture: a host without ICU data would print English day names.
    private static readonly string[] Weekdays = ["dom", "seg", "ter", "qua", "qui", "sex", "sáb"];

    public static IReadOnlyList<PageOption> Establishments(DirectorySnapshot directory, Guid? chosen) => directory.Establishments.Values
        .OrderBy(e => e.LegalName, StringComparer.CurrentCultureIgnoreCase)
        .Select(e => new PageOption(e.Id.ToString(), $"{e.LegalName} — {DocumentFormat.Kind(e.Document)} {DocumentFormat.Punctuate(e.Document)}", e.Id == chosen))
        .ToList();

    public static IReadOnlyList<PageOption> Employees(DirectorySnapshot directory, Guid establishment, Guid? chosen) => directory.Employees.Values
        .Where(e => e.EstablishmentId == establishment)
        .OrderBy(e => e.Name, StringComparer.CurrentCultureIgnoreCase)
        .ThenBy(e => e.Code, StringComparer.Ordinal)
        .Select(e => new PageOption(e.Id.ToString(), $"{e.Name} ({e.Code}){(e.Active ? "" : " — inativo")}", e.Id == chosen))
        .ToList();

    public static TimesheetSheet Sheet(Employee employee, Establishment establishment, Timesheet timesheet) => new(
        employee.Name,
        employee.Code,
        DocumentFormat.Punctuate(employee.Cpf),
        establishment.LegalName,
        $"{Date(timesheet.From)} a {Date(timesheet.To)}",
        timesheet.TimeZone,
        $"/api/employees/{employee.Id}/timesheet?from={Iso(timesheet.From)}&to={Iso(timesheet.To)}",
        $"horas-{employee.Code}-{Iso(timesheet.From)}-{Iso(timesheet.To)}",
        timesheet.Days.Select(Row).ToList(),
        Hours(timesheet.WorkedMinutes),
        Hours(timesheet.NightMinutesCounted),
        Totals(timesheet));

    private static TimesheetRow Row(TimesheetDay day)
    {
        var pairs = day.Intervals.Select(i => $"{Time(i.In)}–{Time(i.Out)}{(i.CrossesMidnight ? " (+1 dia)" : "")}");
        var notes = new List<string>();
        if (day.MissingPunch)
        {
            notes.Add("falta marcação: " + string.Join(", ", day.Unpaired.Select(Time)) + " sem par");
        }

        if (day.Intervals.Any(i => i.Suspicious))
        {
            notes.Add("entrada e saída no mesmo minuto por coletores diferentes: conferir");
        }

        return new TimesheetRow(
            Date(day.Date),
            Weekdays[(int)day.Date.DayOfWeek],
            day.Intervals.Count == 0 && day.Unpaired.Count == 0 ? "—" : string.Join(", ", pairs.Concat(day.Unpaired.Select(u => $"{Time(u)}–?"))),
            day.WorkedMinutes == 0 ? "—" : Hours(day.WorkedMinutes),
            day.NightMinutesCounted == 0 ? "—" : Hours(day.NightMinutesCounted),
            string.Join("; ", notes),
            notes.Count > 0);
    }

    private static string Totals(Timesheet timesheet)
    {
        var notes = new List<string>();
        if (timesheet.DaysWithMissingPunch > 0)
        {
            notes.Add(timesheet.DaysWithMissingPunch == 1 ? "1 dia com marcação faltando" : $"{timesheet.DaysWithMissingPunch} dias com marcação faltando");
        }

        if (timesheet.SuspiciousPairs > 0)
        {
            notes.Add(timesheet.SuspiciousPairs == 1 ? "1 par a conferir" : $"{timesheet.SuspiciousPairs} pares a conferir");
        }

        return string.Join("; ", notes);
    }

    /// <summary>Hours and minutes as a Brazilian timesheet writes them: 8:05, 41:30.</summary>
    public static string Hours(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");

    private static string Time(DateTimeOffset at) => at.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
