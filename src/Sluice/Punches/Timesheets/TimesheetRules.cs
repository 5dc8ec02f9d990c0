namespace Sluice.Punches.Timesheets;

/// <summary>How punches are paired.</summary>
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
}
