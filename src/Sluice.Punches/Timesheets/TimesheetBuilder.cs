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
/// <item>A shift belongs wholly to the day it started on, which is how night shifts are scheduled and paid: an
/// interval crossing midnight (22:00–06:00) is not split, and an interval that starts within
/// <see cref="TimesheetRules.MaxBreak"/> of the previous one's end (a break, e.g. 02:00–02:30) stays on that
/// shift's day even when it starts after midnight. Such intervals are marked <see cref="TimesheetInterval.CrossesMidnight"/>.</item>
/// <item>Minutes are elapsed real time between instants, so a DST change inside an interval is counted as it
/// happened (an 8-hour night in which clocks go forward is 7 worked hours).</item>
/// <item>Night minutes are the real minutes between <see cref="TimesheetRules.NightStart"/> and
/// <see cref="TimesheetRules.NightEnd"/> on the zone's wall clock (CLT art. 73); each day also gives them counted
/// with the 52 min 30 s night hour, rounded once per day. The extension of a full night shift past 05:00 (TST
/// Súmula 60 II) is not applied: it depends on the contract, which the treatment program holds.</item>
/// <item>An in and an out in the same minute from two different collectors still pair, flagged
/// <see cref="TimesheetInterval.Suspicious"/>.</item>
/// <item>An unpaired punch belongs to its shift's day (its own local day when it starts one), which is then flagged
/// as missing a punch.</item>
/// </list>
/// Pass the punches of <see cref="Window"/> so that a shift started the day before <c>from</c> pairs correctly
/// and one started on <c>to</c> finds its out.
/// </remarks>
internal static class TimesheetBuilder
{
    /// <summary>The instants whose punches the timesheet of <paramref name="from"/>..<paramref name="to"/> needs.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Window(DateOnly from, DateOnly to, TimeZoneInfo zone, TimesheetRules rules) =>
        (ZoneTime.StartOfDay(from.AddDays(-1), zone), ZoneTime.StartOfDay(to.AddDays(1), zone) + rules.MaxShift);

    /// <summary>The timesheet of punches whose collector is unknown (none is flagged suspicious).</summary>
    public static Timesheet Build(
        IEnumerable<DateTimeOffset> punches, TimeZoneInfo zone, DateOnly from, DateOnly to, TimesheetRules? rules = null) =>
        Build(punches.Select(p => new TimesheetPunch(p)), zone, from, to, rules);

    /// <exception cref="ArgumentOutOfRangeException"><paramref name="to"/> is before <paramref name="from"/> or the range is over <see cref="TimesheetRules.MaxDays"/> days.</exception>
    public static Timesheet Build(
        IEnumerable<TimesheetPunch> punches, TimeZoneInfo zone, DateOnly from, DateOnly to, TimesheetRules? rules = null)
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

        // The shift the last interval belonged to, so that an interval after a break joins it.
        var shiftDay = DateOnly.MinValue;
        DateTimeOffset? shiftLastOut = null;
        DateOnly DayOf(DateTimeOffset start)
        {
            var own = ZoneTime.LocalDate(start, zone);
            return shiftLastOut is { } end && start - end <= rules.MaxBreak && own.DayNumber - shiftDay.DayNumber is 0 or 1 ? shiftDay : own;
        }

        int? IndexOf(DateOnly day) => day.DayNumber - from.DayNumber is var index && index >= 0 && index < dayCount ? index : null;

        void AddUnpaired(DateTimeOffset punch)
        {
            if (IndexOf(DayOf(punch)) is { } index)
            {
                unpaired[index].Add(ZoneTime.InZone(punch, zone));
            }

            // An unpaired punch ends the shift: what follows is paired afresh and starts its own day.
            shiftLastOut = null;
        }

        TimesheetPunch? open = null;
        foreach (var punch in punches.Select(p => p with { At = ToMinute(p.At) }).OrderBy(p => p.At))
        {
            if (open is not { } start)
            {
                open = punch;
            }
            else if (punch.At - start.At > rules.MaxShift)
            {
                AddUnpaired(start.At);
                open = punch;
            }
            else
            {
                var day = DayOf(start.At);
                if (IndexOf(day) is { } index)
                {
                    var suspicious = punch.At == start.At && start.Collector is { } first && punch.Collector is { } second
                        && !string.Equals(first, second, StringComparison.Ordinal);
                    intervals[index].Add(new TimesheetInterval(
                        ZoneTime.InZone(start.At, zone), ZoneTime.InZone(punch.At, zone), (int)(punch.At - start.At).TotalMinutes,
                        ZoneTime.LocalDate(punch.At, zone) > day, NightMinutes(start.At, punch.At, zone, rules), suspicious));
                }

                shiftDay = day;
                shiftLastOut = punch.At;
                open = null;
            }
        }

        if (open is { } last)
        {
            AddUnpaired(last.At);
        }

        var days = new TimesheetDay[dayCount];
        for (var i = 0; i < dayCount; i++)
        {
            var night = intervals[i].Sum(x => x.NightMinutes);
            days[i] = new TimesheetDay(
                from.AddDays(i), intervals[i], unpaired[i], intervals[i].Sum(x => x.Minutes), unpaired[i].Count > 0, night, rules.CountedNightMinutes(night));
        }

        return new Timesheet(
            zone.HasIanaId ? zone.Id : TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana) ? iana : zone.Id,
            from, to, days, days.Sum(d => d.WorkedMinutes), days.Count(d => d.MissingPunch),
            days.Sum(d => d.NightMinutes), days.Sum(d => d.NightMinutesCounted), days.Sum(d => d.Intervals.Count(x => x.Suspicious)));
    }

    /// <summary>Real minutes of [<paramref name="start"/>, <paramref name="end"/>) inside the night windows of the zone's wall clock.</summary>
    private static int NightMinutes(DateTimeOffset start, DateTimeOffset end, TimeZoneInfo zone, TimesheetRules rules)
    {
        var minutes = 0.0;
        var endsNextDay = rules.NightEnd <= rules.NightStart;
        // The window that began the evening before the start may still be open at the start.
        for (var day = ZoneTime.LocalDate(start, zone).AddDays(-1); day <= ZoneTime.LocalDate(end, zone); day = day.AddDays(1))
        {
            var nightStart = ZoneTime.ToInstant(day.ToDateTime(rules.NightStart), zone);
            var nightEnd = ZoneTime.ToInstant((endsNextDay ? day.AddDays(1) : day).ToDateTime(rules.NightEnd), zone);
            var overlap = (end < nightEnd ? end : nightEnd) - (start > nightStart ? start : nightStart);
            minutes += Math.Max(0, overlap.TotalMinutes);
        }

        return (int)minutes;
    }

    private static DateTimeOffset ToMinute(DateTimeOffset punch) =>
        new DateTimeOffset(punch.UtcTicks - (punch.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero).ToOffset(punch.Offset);
}
