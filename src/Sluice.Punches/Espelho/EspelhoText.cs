using System.Globalization;
using Sluice.Punches.Pages;

namespace Sluice.Punches.Espelho;

/// <summary>How the Espelho's values read in Portuguese, the same in the CSV, the PDF and the page.</summary>
internal static class EspelhoText
{
    /// <summary>"7:30" for 450 minutes.</summary>
    public static string Hours(int minutes) => string.Create(CultureInfo.InvariantCulture, $"{minutes / 60}:{minutes % 60:00}");

    public static string Date(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    /// <summary>"seg" .. "dom".</summary>
    public static string Weekday(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "seg",
        DayOfWeek.Tuesday => "ter",
        DayOfWeek.Wednesday => "qua",
        DayOfWeek.Thursday => "qui",
        DayOfWeek.Friday => "sex",
        DayOfWeek.Saturday => "sáb",
        _ => "dom",
    };

    /// <summary>"HH:mm", with "+1" when the marking falls on the next day (a night shift's out).</summary>
    public static string Time(EspelhoMarking marking) =>
        marking.At.ToString("HH:mm", CultureInfo.InvariantCulture) + (marking.NextDay > 0 ? "+" + marking.NextDay.ToString(CultureInfo.InvariantCulture) : "");

    /// <summary>The source as the legend of the Espelho names it.</summary>
    public static string Source(MarkingSource source) => source switch
    {
        MarkingSource.Included => "incluída",
        MarkingSource.PreAssigned => "pré-assinalada",
        MarkingSource.Disregarded => "desconsiderada",
        _ => "original",
    };

    /// <summary>A one-letter tag after the time: (I) included, (P) pre-assigned, (D) disregarded; none for an original.</summary>
    public static string Tag(MarkingSource source) => source switch
    {
        MarkingSource.Included => "(I)",
        MarkingSource.PreAssigned => "(P)",
        MarkingSource.Disregarded => "(D)",
        _ => "",
    };

    /// <summary>The counted markings of a day, e.g. "08:00 12:00 13:00(I) 17:00".</summary>
    public static string CountedMarkings(EspelhoDay day) =>
        string.Join(' ', day.Markings.Where(m => m.Source != MarkingSource.Disregarded).Select(m => Time(m) + Tag(m.Source)));

    /// <summary>The treated markings of a day with their reasons, e.g. "13:00 incluída: esqueceu de marcar; 12:05 desconsiderada: duplicada".</summary>
    public static string Treated(EspelhoDay day) =>
        string.Join("; ", day.Markings.Where(m => m.Source != MarkingSource.Original)
            .Select(m => $"{Time(m)} {Source(m.Source)}" + (string.IsNullOrWhiteSpace(m.Reason) ? "" : ": " + m.Reason)));

    public static string Employer(EspelhoEmployer employer) =>
        $"{employer.Name} — {(employer.DocumentType == "cpf" ? "CPF" : "CNPJ")} {DocumentFormat.Punctuate(employer.Document)}"
        + (employer.CnoCaepf is { Length: > 0 } cno ? $" — CNO/CAEPF {cno}" : "");

    public static string Period(EspelhoReport report) => $"{Date(report.From)} a {Date(report.To)}";

    public static string Issued(EspelhoReport report) =>
        report.IssuedAt.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) + " (UTC" + report.IssuedAt.ToString("zzz", CultureInfo.InvariantCulture) + ")";

    public const string NotInformed = "não informado";
}
