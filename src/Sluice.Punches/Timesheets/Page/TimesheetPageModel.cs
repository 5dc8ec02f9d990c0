namespace Sluice.Punches.Timesheets.Page;

/// <summary>
/// What the HR timesheet page shows, already worded and formatted for a Brazilian reader (pt-BR, 24-hour times,
/// dd/MM/yyyy, hours as h:mm): the component only lays it out.
/// </summary>
public sealed record TimesheetPageModel(
    IReadOnlyList<PageOption> Establishments,
    IReadOnlyList<PageOption> Employees,
    string From,
    string To,
    TimesheetSheet? Sheet);

/// <summary>One choice in a list: the value sent, the text shown, whether it is the one chosen.</summary>
public sealed record PageOption(string Value, string Text, bool Selected);

/// <summary>The chosen employee's timesheet for the period.</summary>
/// <param name="ApiPath">The same timesheet from the API: CSV with <c>Accept: text/csv</c>, JSON otherwise.</param>
/// <param name="FileName">The name a download is saved under, without its extension.</param>
public sealed record TimesheetSheet(
    string EmployeeName,
    string Code,
    string Cpf,
    string Establishment,
    string Period,
    string TimeZone,
    string ApiPath,
    string FileName,
    IReadOnlyList<TimesheetRow> Rows,
    string Worked,
    string Night,
    string Notes);

/// <summary>One day: its punches as in–out pairs, hours worked and at night, and what HR should look at.</summary>
public sealed record TimesheetRow(string Date, string Weekday, string Punches, string Worked, string Night, string Notes, bool Flagged);
