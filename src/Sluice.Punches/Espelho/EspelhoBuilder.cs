using Sluice.Punches.Registry;
using Sluice.Punches.Timesheets;

namespace Sluice.Punches.Espelho;

/// <summary>
/// Builds the Espelho from markings with their source. The pairing, the day a shift belongs to and the night hour
/// are <see cref="TimesheetBuilder"/>'s, run over the markings that count (all but disregarded ones), so the
/// Espelho and the timesheet never disagree on the same punches. Each counted marking then goes on the day the
/// timesheet put it on; a disregarded one goes on its own local day, shown but not counted.
/// </summary>
internal static class EspelhoBuilder
{
    /// <summary>The instants whose markings the Espelho of <paramref name="from"/>..<paramref name="to"/> needs (see <see cref="TimesheetBuilder.Window"/>).</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly from, DateOnly to, TimeZoneInfo zone) =>
        TimesheetBuilder.Window(from, to, zone, TimesheetRules.Default);

    public static EspelhoReport Build(
        Establishment employer, Employee employee, EmploymentTerms terms, IEnumerable<Marking> markings, TimeZoneInfo zone,
        DateOnly from, DateOnly to, DateTimeOffset issuedAt)
    {
        var all = markings.OrderBy(m => m.At).ThenBy(m => m.Nsr).ToList();
        var counted = all.Where(m => m.Counts).ToList();
        var sheet = TimesheetBuilder.Build(counted.Select(m => new TimesheetPunch(m.At, m.Collector)), zone, from, to);

        // The timesheet works to the minute; its instants are matched back to the markings that made them, in order.
        var byMinute = counted.GroupBy(m => Minute(m.At)).ToDictionary(g => g.Key, g => new Queue<Marking>(g));
        var days = new List<EspelhoDay>(sheet.Days.Count);
        foreach (var day in sheet.Days)
        {
            var instants = day.Intervals.SelectMany(i => new[] { i.In, i.Out }).Concat(day.Unpaired).OrderBy(t => t);
            var shown = new List<EspelhoMarking>();
            foreach (var instant in instants)
            {
                if (byMinute.TryGetValue(Minute(instant), out var queue) && queue.TryDequeue(out var marking))
                {
                    shown.Add(Show(marking, day.Date, zone));
                }
            }

            shown.AddRange(all.Where(m => !m.Counts && ZoneTime.LocalDate(m.At, zone) == day.Date).Select(m => Show(m, day.Date, zone)));
            shown.Sort((a, b) => a.At.CompareTo(b.At));
            var duration = day.WorkedMinutes - day.NightMinutes + day.NightMinutesCounted;
            days.Add(new EspelhoDay(day.Date, shown, day.WorkedMinutes, day.NightMinutes, day.NightMinutesCounted, duration, day.MissingPunch));
        }

        var inPeriod = days.SelectMany(d => d.Markings).ToList();
        var totals = new EspelhoTotals(
            days.Sum(d => d.WorkedMinutes), days.Sum(d => d.NightMinutes), days.Sum(d => d.NightMinutesCounted), days.Sum(d => d.DurationMinutes),
            sheet.Days.Count(d => d.Intervals.Count > 0), days.Count(d => d.MissingPunch),
            inPeriod.Count(m => m.Source == MarkingSource.Included), inPeriod.Count(m => m.Source == MarkingSource.PreAssigned),
            inPeriod.Count(m => m.Source == MarkingSource.Disregarded));
        return new EspelhoReport(
            EspelhoReport.DocumentTitle,
            new EspelhoEmployer(employer.LegalName, employer.DocumentType == 1 ? "cnpj" : "cpf", employer.Document, employer.CnoCaepf),
            new EspelhoWorker(employee.Id, employee.Code, employee.Name, employee.Cpf, terms.Admission, terms.Role),
            ZoneTime.InZone(issuedAt, zone), from, to, sheet.TimeZone, terms.Schedule, days, totals);
    }

    private static EspelhoMarking Show(Marking marking, DateOnly day, TimeZoneInfo zone)
    {
        var at = ZoneTime.InZone(marking.At, zone);
        return new EspelhoMarking(at, marking.Source, marking.Nsr, marking.Collector, marking.Reason, ZoneTime.LocalDate(at, zone).DayNumber - day.DayNumber);
    }

    private static long Minute(DateTimeOffset at) => at.UtcTicks / TimeSpan.TicksPerMinute;
}
