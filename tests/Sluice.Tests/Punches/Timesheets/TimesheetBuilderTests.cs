using Sluice.Punches.Timesheets;

namespace Sluice.Tests.Punches.Timesheets;

public sealed class TimesheetBuilderTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static readonly TimesheetPunch[] NoPunches = [];

    private static DateTimeOffset Sp(int day, int hour, int minute, int second = 0) => new(2026, 11, day, hour, minute, second, TimeSpan.FromHours(-3));

    [Fact]
    public void A_regular_day_pairs_in_out_and_sums_minutes()
    {
        var sheet = TimesheetBuilder.Build([Sp(2, 13, 0), Sp(2, 8, 0, 59), Sp(2, 12, 0), Sp(2, 17, 30)], SaoPaulo, new(2026, 11, 2), new(2026, 11, 2));

        var day = Assert.Single(sheet.Days);
        Assert.Equal(2, day.Intervals.Count);
        Assert.Equal(Sp(2, 8, 0), day.Intervals[0].In); // seconds dropped, as in the AFD
        Assert.Equal(240 + 270, day.WorkedMinutes);
        Assert.False(day.MissingPunch);
        Assert.Equal(510, sheet.WorkedMinutes);
        Assert.Equal("America/Sao_Paulo", sheet.TimeZone);
    }

    [Fact]
    public void A_22_to_06_shift_belongs_to_the_day_it_started()
    {
        var sheet = TimesheetBuilder.Build(
            [Sp(2, 22, 0), Sp(3, 6, 0), Sp(3, 22, 0), Sp(4, 6, 0)], SaoPaulo, new(2026, 11, 2), new(2026, 11, 4));

        Assert.Equal(480, sheet.Days[0].WorkedMinutes);
        var interval = Assert.Single(sheet.Days[0].Intervals);
        Assert.True(interval.CrossesMidnight);
        Assert.Equal(Sp(3, 6, 0), interval.Out);
        Assert.Equal(480, sheet.Days[1].WorkedMinutes);
        Assert.Empty(sheet.Days[2].Intervals);
        Assert.All(sheet.Days, d => Assert.False(d.MissingPunch));
        Assert.Equal(960, sheet.WorkedMinutes);
    }

    [Fact]
    public void A_missing_punch_flags_its_day_and_reports_the_unpaired_punch()
    {
        // Monday misses the 13:00 return from lunch; Tuesday is complete.
        var sheet = TimesheetBuilder.Build(
            [Sp(2, 8, 0), Sp(2, 12, 0), Sp(2, 17, 0), Sp(3, 8, 0), Sp(3, 12, 0), Sp(3, 13, 0), Sp(3, 17, 0)],
            SaoPaulo, new(2026, 11, 2), new(2026, 11, 3));

        var monday = sheet.Days[0];
        Assert.True(monday.MissingPunch);
        Assert.Equal(Sp(2, 17, 0), Assert.Single(monday.Unpaired));
        Assert.Equal(240, monday.WorkedMinutes);
        // 17:00 is 15 h before Tuesday 08:00: not its out, so Tuesday pairs as it should.
        var tuesday = sheet.Days[1];
        Assert.False(tuesday.MissingPunch);
        Assert.Equal(480, tuesday.WorkedMinutes);
        Assert.Equal(1, sheet.DaysWithMissingPunch);
    }

    [Fact]
    public void MaxShift_is_configurable()
    {
        var punches = new[] { Sp(2, 17, 0), Sp(3, 8, 0) };

        var strict = TimesheetBuilder.Build(punches, SaoPaulo, new(2026, 11, 2), new(2026, 11, 3));
        var lax = TimesheetBuilder.Build(punches, SaoPaulo, new(2026, 11, 2), new(2026, 11, 3), new TimesheetRules(TimeSpan.FromHours(16)));

        Assert.Equal(2, strict.DaysWithMissingPunch);
        Assert.Equal(900, lax.Days[0].WorkedMinutes);
    }

    [Fact]
    public void Days_follow_the_establishment_zone_not_the_punch_offset()
    {
        // 01:30Z on the 3rd is 22:30 on the 2nd in São Paulo.
        var sheet = TimesheetBuilder.Build(
            [new DateTimeOffset(2026, 11, 3, 1, 30, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 3, 9, 30, 0, TimeSpan.Zero)],
            SaoPaulo, new(2026, 11, 2), new(2026, 11, 3));

        Assert.Equal(480, sheet.Days[0].WorkedMinutes);
        Assert.Equal(TimeSpan.FromHours(-3), sheet.Days[0].Intervals[0].In.Offset);
        Assert.Equal(22, sheet.Days[0].Intervals[0].In.Hour);
    }

    [Fact]
    public void Minutes_are_real_time_across_a_DST_change()
    {
        // New York springs forward at 02:00 on 2026-03-08: 22:00 to 06:00 local is 7 hours.
        var nightIn = new DateTimeOffset(2026, 3, 7, 22, 0, 0, TimeSpan.FromHours(-5));
        var nightOut = new DateTimeOffset(2026, 3, 8, 6, 0, 0, TimeSpan.FromHours(-4));

        var sheet = TimesheetBuilder.Build([nightIn, nightOut], NewYork, new(2026, 3, 7), new(2026, 3, 8));

        Assert.Equal(420, sheet.Days[0].WorkedMinutes);
        Assert.Equal(6, sheet.Days[0].Intervals[0].Out.Hour);
    }

    [Fact]
    public void Punches_outside_the_range_only_give_context()
    {
        // A night shift started the day before `from` ends on `from`: it belongs to the day before.
        var sheet = TimesheetBuilder.Build([Sp(1, 22, 0), Sp(2, 6, 0), Sp(2, 22, 0)], SaoPaulo, new(2026, 11, 2), new(2026, 11, 2));

        var day = Assert.Single(sheet.Days);
        Assert.Empty(day.Intervals);
        Assert.Equal(Sp(2, 22, 0), Assert.Single(day.Unpaired));
    }

    [Fact]
    public void Window_reaches_back_a_day_and_forward_past_the_last_shift()
    {
        var (start, end) = TimesheetBuilder.Window(new(2026, 11, 2), new(2026, 11, 3), SaoPaulo, TimesheetRules.Default);

        Assert.Equal(Sp(1, 0, 0), start);
        Assert.Equal(Sp(4, 12, 0), end);
    }

    [Fact]
    public void Ranges_are_bounded()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TimesheetBuilder.Build(NoPunches, SaoPaulo, new(2026, 11, 2), new(2026, 11, 1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => TimesheetBuilder.Build(NoPunches, SaoPaulo, new(2025, 1, 1), new(2026, 11, 1)));
        Assert.Equal(30, TimesheetBuilder.Build(NoPunches, SaoPaulo, new(2026, 11, 1), new(2026, 11, 30)).Days.Count);
    }

    [Fact]
    public void A_22_to_06_shift_with_a_break_after_midnight_belongs_to_its_start_day_with_its_night_minutes()
    {
        var sheet = TimesheetBuilder.Build(
            [Sp(2, 22, 0), Sp(3, 2, 0), Sp(3, 2, 30), Sp(3, 6, 0)], SaoPaulo, new(2026, 11, 2), new(2026, 11, 3));

        var night = sheet.Days[0];
        Assert.Equal([(Sp(2, 22, 0), Sp(3, 2, 0)), (Sp(3, 2, 30), Sp(3, 6, 0))], night.Intervals.Select(i => (i.In, i.Out)));
        Assert.All(night.Intervals, i => Assert.True(i.CrossesMidnight));
        Assert.Equal(450, night.WorkedMinutes);
        Assert.False(night.MissingPunch);
        // 22:00–02:00 and 02:30–05:00 are night: 390 real minutes, 445.7 with the 52:30 hour.
        Assert.Equal([240, 150], night.Intervals.Select(i => i.NightMinutes));
        Assert.Equal(390, night.NightMinutes);
        Assert.Equal(446, night.NightMinutesCounted);
        Assert.Empty(sheet.Days[1].Intervals);
        Assert.Equal(0, sheet.Days[1].WorkedMinutes);
        Assert.Equal((450, 390, 446), (sheet.WorkedMinutes, sheet.NightMinutes, sheet.NightMinutesCounted));
    }

    [Fact]
    public void A_full_night_of_seven_real_hours_counts_as_eight_and_day_work_has_no_night_minutes()
    {
        var sheet = TimesheetBuilder.Build(
            [Sp(2, 21, 0), Sp(3, 5, 30), Sp(4, 8, 0), Sp(4, 17, 0)], SaoPaulo, new(2026, 11, 2), new(2026, 11, 4));

        Assert.Equal((510, 420, 480), (sheet.Days[0].WorkedMinutes, sheet.Days[0].NightMinutes, sheet.Days[0].NightMinutesCounted));
        Assert.Equal((540, 0, 0), (sheet.Days[2].WorkedMinutes, sheet.Days[2].NightMinutes, sheet.Days[2].NightMinutesCounted));
    }

    [Fact]
    public void A_shift_after_the_11_hour_rest_starts_its_own_day_even_when_it_starts_after_midnight()
    {
        // Out at 13:00, back at 01:00 the next day: twelve hours later is a new workday, not a break.
        var sheet = TimesheetBuilder.Build(
            [Sp(2, 5, 0), Sp(2, 13, 0), Sp(3, 1, 0), Sp(3, 5, 0)], SaoPaulo, new(2026, 11, 2), new(2026, 11, 3));

        Assert.Equal(480, sheet.Days[0].WorkedMinutes);
        Assert.Equal(240, sheet.Days[1].WorkedMinutes);
        Assert.False(Assert.Single(sheet.Days[1].Intervals).CrossesMidnight);
    }

    [Fact]
    public void An_in_and_out_in_the_same_minute_from_two_collectors_pair_flagged_and_from_one_collector_unflagged()
    {
        var sheet = TimesheetBuilder.Build(
            [
                new TimesheetPunch(Sp(2, 21, 5, 10), "browser:web"), new TimesheetPunch(Sp(2, 21, 5, 40), "device:CQZ7231160012"),
                new TimesheetPunch(Sp(3, 8, 0, 1), "browser:web"), new TimesheetPunch(Sp(3, 8, 0, 30), "browser:web"),
            ],
            SaoPaulo, new(2026, 11, 2), new(2026, 11, 3));

        var twoCollectors = Assert.Single(sheet.Days[0].Intervals);
        Assert.True(twoCollectors.Suspicious);
        Assert.Equal((Sp(2, 21, 5), Sp(2, 21, 5), 0), (twoCollectors.In, twoCollectors.Out, twoCollectors.Minutes));
        Assert.False(Assert.Single(sheet.Days[1].Intervals).Suspicious);
        Assert.Equal(1, sheet.SuspiciousPairs);
    }

    [Fact]
    public void Csv_has_a_row_per_day_and_a_total()
    {
        var sheet = TimesheetBuilder.Build(
            [
                new TimesheetPunch(Sp(2, 22, 0)), new TimesheetPunch(Sp(3, 2, 0)), new TimesheetPunch(Sp(3, 2, 30)), new TimesheetPunch(Sp(3, 6, 0)),
                new TimesheetPunch(Sp(3, 21, 5), "browser:web"), new TimesheetPunch(Sp(3, 21, 5), "device:CQZ7231160012"),
                new TimesheetPunch(Sp(3, 22, 5)),
            ],
            SaoPaulo, new(2026, 11, 2), new(2026, 11, 4));

        var lines = TimesheetCsv.Render(sheet).Split("\n");

        Assert.Equal(
        [
            "date,intervals,worked_minutes,worked,missing_punch,unpaired,night_minutes,night_minutes_counted,suspicious",
            "2026-11-02,22:00-02:00+1 02:30+1-06:00+1,450,7:30,no,,390,446,",
            "2026-11-03,21:05-21:05,0,0:00,yes,22:05,0,0,21:05-21:05",
            "2026-11-04,,0,0:00,no,,0,0,",
            "total,,450,7:30,1,,390,446,1",
            "",
        ], lines);
        Assert.Equal("text/csv; charset=utf-8", TimesheetCsv.Result(sheet).ContentType);
    }
}
