namespace Sluice.Punches.Timesheets;

/// <summary>How punches are paired, which day a shift belongs to, and what counts as night work.</summary>
/// <param name="MaxShift">
/// A punch more than this after an open "in" is not its "out": the in is left unpaired (a missing punch) and the
/// later punch opens a new interval. The default is 12 hours, not the 16 first suggested: with 16, a day worker
/// who forgets one punch at 13:00 gets 17:00 paired with the next morning's 08:00 (15 h), which hides the
/// missing punch and shifts every pairing after it. No legal continuous stretch is longer than 12 h (8 h + 2 h
/// overtime, or a 12x36 shift), so 12 h keeps 22:00–06:00 and 19:00–07:00 shifts and refuses overnight gaps.
/// </param>
internal sealed record TimesheetRules(TimeSpan MaxShift)
{
    public static readonly TimesheetRules Default = new(TimeSpan.FromHours(12));

    /// <summary>Most days one timesheet may cover.</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// An interval that starts at most this long after the previous one ended, on the same or the next local day, is
    /// the same shift after a break, and belongs to the shift's day: a 22:00–06:00 shift with a 02:00–02:30 break is
    /// one night's work, not two days. CLT art. 71 caps the meal break at 2 h save by written agreement, and art. 66
    /// asks 11 h between two workdays; 4 h leaves room for an agreed longer break and stays far from the next day.
    /// </summary>
    public TimeSpan MaxBreak { get; init; } = TimeSpan.FromHours(4);

    /// <summary>Night work starts at this local time (CLT art. 73 §2: 22:00 for urban work).</summary>
    public TimeOnly NightStart { get; init; } = new(22, 0);

    /// <summary>Night work ends at this local time the next day (CLT art. 73 §2: 05:00).</summary>
    public TimeOnly NightEnd { get; init; } = new(5, 0);

    /// <summary>
    /// The reduced night hour (CLT art. 73 §1: 52 minutes 30 seconds): each such stretch of real night work counts as
    /// an hour, so 22:00–05:00 (420 real minutes) counts as 480.
    /// </summary>
    public TimeSpan NightHour { get; init; } = new(0, 52, 30);

    /// <summary>Real night minutes as counted with <see cref="NightHour"/>, to the nearest minute.</summary>
    public int CountedNightMinutes(int realMinutes) =>
        (int)Math.Round(realMinutes * 60.0 / NightHour.TotalMinutes, MidpointRounding.AwayFromZero);
}
