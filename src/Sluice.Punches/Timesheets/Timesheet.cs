namespace Sluice.Punches.Timesheets;

/// <summary>An employee's worked time per local day of the establishment's time zone.</summary>
/// <param name="TimeZone">IANA id of the zone the days are in.</param>
/// <param name="From">First day.</param>
/// <param name="To">Last day.</param>
/// <param name="Days">Every day from <paramref name="From"/> to <paramref name="To"/>, in order, also days with no punch.</param>
/// <param name="WorkedMinutes">Sum of the days' worked minutes.</param>
/// <param name="DaysWithMissingPunch">How many days have an unpaired punch.</param>
/// <param name="NightMinutes">Sum of the days' real night minutes.</param>
/// <param name="NightMinutesCounted">Sum of the days' night minutes counted with the 52 min 30 s night hour.</param>
/// <param name="SuspiciousPairs">How many intervals are flagged <see cref="TimesheetInterval.Suspicious"/>.</param>
internal sealed record Timesheet(
    string TimeZone,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<TimesheetDay> Days,
    int WorkedMinutes,
    int DaysWithMissingPunch,
    int NightMinutes,
    int NightMinutesCounted,
    int SuspiciousPairs);

/// <summary>One local day.</summary>
/// <param name="Date">The local date.</param>
/// <param name="Intervals">In/out pairs of the shifts that started on this day (a shift belongs wholly to the day it started, breaks after midnight included).</param>
/// <param name="Unpaired">Punches of this day's shifts with no partner: the day is missing a punch.</param>
/// <param name="WorkedMinutes">Sum of the intervals' minutes.</param>
/// <param name="MissingPunch">True when the day has an unpaired punch.</param>
/// <param name="NightMinutes">Real minutes of the intervals between 22:00 and 05:00 (CLT art. 73).</param>
/// <param name="NightMinutesCounted"><paramref name="NightMinutes"/> counted with the 52 min 30 s night hour (CLT art. 73 §1), to the nearest minute.</param>
internal sealed record TimesheetDay(
    DateOnly Date,
    IReadOnlyList<TimesheetInterval> Intervals,
    IReadOnlyList<DateTimeOffset> Unpaired,
    int WorkedMinutes,
    bool MissingPunch,
    int NightMinutes,
    int NightMinutesCounted);

/// <summary>An in/out pair, times in the establishment's zone.</summary>
/// <param name="In">The in punch.</param>
/// <param name="Out">The out punch.</param>
/// <param name="Minutes">Elapsed minutes between them (real time: a DST change inside is counted as it happened).</param>
/// <param name="CrossesMidnight">True when the out falls on a later local day than the day the interval belongs to.</param>
/// <param name="NightMinutes">Real minutes of the interval between 22:00 and 05:00.</param>
/// <param name="Suspicious">
/// In and out in the same minute from two different collectors (say the web page and a device): more likely one
/// punch recorded twice than a zero-minute stretch of work, so someone should look before it is paid or pairs on.
/// </param>
internal sealed record TimesheetInterval(DateTimeOffset In, DateTimeOffset Out, int Minutes, bool CrossesMidnight, int NightMinutes = 0, bool Suspicious = false);

/// <summary>A punch as the timesheet needs it.</summary>
/// <param name="At">When the worker punched.</param>
/// <param name="Collector">What recorded it, e.g. <c>browser:web</c> or <c>device:CQZ7231160012</c>; null when unknown.</param>
internal sealed record TimesheetPunch(DateTimeOffset At, string? Collector = null);
