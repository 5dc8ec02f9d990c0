namespace Sluice.Punches.Timesheets;

/// <summary>An employee's worked time per local day of the establishment's time zone.</summary>
/// <param name="TimeZone">IANA id of the zone the days are in.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="Days">Every day from <paramref name="From"/> to <paramref name="To"/>, in order, also days with no punch.</param>
/// <param name="WorkedMinutes">Sum of the days' worked minutes.</param>
/// <param name="DaysWithMissingPunch">How many days have an unpaired punch.</param>
internal sealed record Timesheet(
    string TimeZone,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<TimesheetDay> Days,
    int WorkedMinutes,
    int DaysWithMissingPunch);

/// <summary>One local day.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Intervals">In/out pairs whose in falls on this day (an interval belongs wholly to the day it started).</param>
/// <param name="Unpaired">Punches of this day with no partner: the day is missing a punch.</param>
/// <param name="WorkedMinutes">Sum of the intervals' minutes.</param>
/// <param name="MissingPunch">True when the day has an odd number of punches (an unpaired one).</param>
internal sealed record TimesheetDay(
    DateOnly Date,
    IReadOnlyList<TimesheetInterval> Intervals,
    IReadOnlyList<DateTimeOffset> Unpaired,
    int WorkedMinutes,
    bool MissingPunch);

/// <summary>An in/out pair, times in the establishment's zone.</summary>
/// <param name="In">The in punch.</param>
/// <param name="Out">The out punch.</param>
/// <param name="Minutes">Elapsed minutes between them (real time: a DST change inside is counted as it happened).</param>
/// <param name="CrossesMidnight">True when the out falls on a later local day than the in.</param>
internal sealed record TimesheetInterval(DateTimeOffset In, DateTimeOffset Out, int Minutes, bool CrossesMidnight);
