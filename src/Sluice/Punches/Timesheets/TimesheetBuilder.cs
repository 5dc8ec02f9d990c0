namespace Sluice.Punches.Timesheets;

/// <summary>Pairs an employee's punches into in/out intervals per local day.</summary>
/// <remarks>
/// Decisions, in one place:
/// <list type="bullet">
/// <item>Punches are taken in time order and paired one after another (1st in, 2nd out, 3rd in...), except that a
/// punch more than <see cref="TimesheetRules.MaxShift"/> after an open in does not close it: the in is reported
/// unpaired and the later punch opens a new interval.</item>
/// <item>Each punch counts at its minute (seconds dropped), as the AFD records it, so the timesheet and the legal
/// file agree to the minute.</item>
/// <item>A shift crossing midnight (22:00–06:00) is not split: its whole interval, minutes included, belongs to
/// the day it started on, which is how night shifts are scheduled and paid. The interval is marked
/// <see cref="TimesheetInterval.CrossesMidnight"/>.</item>
/// <item>Minutes are elapsed real time between instants, so a DST change inside an interval is counted as it
/// happened (an 8-hour night in which clocks go forward is 7 worked hours).</item>
/// <item>An unpaired punch belongs to its own local day, which is then flagged as missing a punch.</item>
/// </list>
/// Pass the punches of <see cref="Window"/> so that a shift started the day before <c>from</c> pairs correctly
/// and one started on <c>to</c> finds its out.
/// </remarks>
internal static class TimesheetBuilder
{
    /// <summary>The instants whose punches the timesheet of <paramref name="from"/>..<paramref name="to"/> needs.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly from, DateOnly to, TimeZoneInfo zone, TimesheetRules rules) =>
        (ZoneTime.StartOfDay(from.AddDays(-1), zone), ZoneTime.StartOfDay(to.AddDays(1), zone) + rules.MaxShift);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/> or the range is over <see cref="TimesheetRules.MaxDays"/> days.</exception>
    public static Timesheet Build(
        IEnumerable<DateTimeOffset> punches, TimeZoneInfo zone, DateOnly from, DateOnly to, TimesheetRules? rules = null)
    {
        rules ??= TimesheetRules.Default;
        var dayCount = to.DayNumber - from.DayNumber + 1;
        if (dayCount is < 1 or > TimesheetRules.MaxDays)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"The range must cover 1 to {TimesheetRules.MaxDays} days.");
        }

        var intervals = new List<TimesheetInterval>[dayCount];
        var unpaired = new List<DateTimeOffset>[dayCount];
        for (var i = 0; i < dayCount; i++)
        {
            intervals[i] = [];
            unpaired[i] = [];
        }

        void AddUnpaired(DateTimeOffset punch)
        {
            var local = ZoneTime.InZone(punch, zone);
            var index = DateOnly.FromDateTime(local.DateTime).DayNumber - from.DayNumber;
            if (index >= 0 && index < dayCount)
            {
                unpaired[index].Add(local);
            }
        }

        DateTimeOffset? open = null;
        foreach (var punch in punches.Select(ToMinute).Order())
        {
            if (open is not { } start)
            {
                open = punch;
            }
            else if (punch - start > rules.MaxShift)
            {
                AddUnpaired(start);
                open = punch;
            }
            else
            {
                var localIn = ZoneTime.InZone(start, zone);
                var localOut = ZoneTime.InZone(punch, zone);
                var index = DateOnly.FromDateTime(localIn.DateTime).DayNumber - from.DayNumber;
                if (index >= 0 && index < dayCount)
                {
                    intervals[index].Add(new TimesheetInterval(
                        localIn, localOut, (int)(punch - start).TotalMinutes, localOut.Date > localIn.Date));
                }

                open = null;
            }
        }

        if (open is { } last)
        {
            AddUnpaired(last);
        }

        var days = new TimesheetDay[dayCount];
        for (var i = 0; i < dayCount; i++)
        {
            days[i] = new TimesheetDay(
                from.AddDays(i), intervals[i], unpaired[i], intervals[i].Sum(x => x.Minutes), unpaired[i].Count > 0);
        }

        return new Timesheet(
            zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id,
            from, to, days, days.Sum(d => d.WorkedMinutes), days.Count(d => d.MissingPunch));
    }

    private static DateTimeOffset ToMinute(DateTimeOffset punch) =>
        new DateTimeOffset(punch.UtcTicks - (punch.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).ToOffset(punch.Offset);
}
