using Sluice.Punches.Espelho;
using Sluice.Punches.Registry;

namespace Sluice.Tests.Punches.Espelho;

/// <summary>The Espelho's days from markings with their source: what counts, what is only shown, and the night hour.</summary>
public sealed class EspelhoBuilderTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private static readonly DateTimeOffset Created = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Establishment Employer = new(Guid.NewGuid(), 1, "11222333000181", null, "Sluice Test Ltda", "BR512026000001-7", "America/Sao_Paulo", Created, Created);
    private static readonly Employee Worker = new(Guid.NewGuid(), Employer.Id, "9001", "Joana Prado", "52998224725", null, null, true, Created, Created);

    private static DateTimeOffset At(string local) => DateTimeOffset.Parse(local + "-03:00", System.Globalization.CultureInfo.InvariantCulture);

    private static EspelhoReport Build(DateOnly from, DateOnly to, params Marking[] markings) =>
        EspelhoBuilder.Build(Employer, Worker, EmploymentTerms.Unknown, markings, SaoPaulo, from, to, At("2026-12-01T09:00:00"));

    [Fact]
    public void An_included_marking_counts_with_its_reason_and_a_disregarded_punch_is_shown_but_not_counted()
    {
        var day = new DateOnly(2026, 11, 2);
        var report = Build(day, day,
            new Marking(At("2026-11-02T08:00:00"), MarkingSource.Original, 5),
            new Marking(At("2026-11-02T12:00:00"), MarkingSource.Original, 6),
            new Marking(At("2026-11-02T12:01:00"), MarkingSource.Disregarded, 7, Reason: "Marcação em duplicidade"),
            new Marking(At("2026-11-02T13:00:00"), MarkingSource.Included, Reason: "Esqueceu de marcar a volta"),
            new Marking(At("2026-11-02T17:00:00"), MarkingSource.Original, 8));

        var shown = Assert.Single(report.Days);
        Assert.Equal(480, shown.WorkedMinutes);
        Assert.False(shown.MissingPunch);
        Assert.Equal(
            [("08:00", MarkingSource.Original, (long?)5), ("12:00", MarkingSource.Original, 6), ("12:01", MarkingSource.Disregarded, 7),
             ("13:00", MarkingSource.Included, null), ("17:00", MarkingSource.Original, 8)],
            shown.Markings.Select(m => (m.At.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), m.Source, m.Nsr)));
        Assert.Equal("Esqueceu de marcar a volta", shown.Markings[3].Reason);
        Assert.Equal("08:00 12:00 13:00(I) 17:00", EspelhoText.CountedMarkings(shown));
        Assert.Equal("12:01 desconsiderada: Marcação em duplicidade; 13:00 incluída: Esqueceu de marcar a volta", EspelhoText.Treated(shown));
        Assert.Equal((1, 0, 1), (report.Totals.IncludedMarkings, report.Totals.PreAssignedMarkings, report.Totals.DisregardedMarkings));
    }

    [Fact]
    public void A_full_night_counts_420_real_minutes_as_480_and_stays_on_the_day_it_started()
    {
        var report = Build(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 3),
            new Marking(At("2026-11-02T22:00:00"), MarkingSource.Original, 1),
            new Marking(At("2026-11-03T05:00:00"), MarkingSource.Original, 2));

        var night = report.Days[0];
        Assert.Equal((420, 420, 480, 480), (night.WorkedMinutes, night.NightMinutes, night.NightMinutesCounted, night.DurationMinutes));
        Assert.Equal([0, 1], night.Markings.Select(m => m.NextDay));
        Assert.Equal("22:00 05:00+1", EspelhoText.CountedMarkings(night));
        Assert.Empty(report.Days[1].Markings);
        Assert.Equal((420, 480, 1), (report.Totals.WorkedMinutes, report.Totals.DurationMinutes, report.Totals.DaysWorked));
    }

    [Fact]
    public void A_pre_assigned_break_closes_the_day_and_every_day_of_the_period_is_listed()
    {
        var report = Build(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30),
            new Marking(At("2026-11-04T08:00:00"), MarkingSource.Original, 1),
            new Marking(At("2026-11-04T12:00:00"), MarkingSource.PreAssigned, Reason: "Intervalo pré-assinalado"),
            new Marking(At("2026-11-04T13:00:00"), MarkingSource.PreAssigned, Reason: "Intervalo pré-assinalado"),
            new Marking(At("2026-11-04T17:00:00"), MarkingSource.Original, 2),
            new Marking(At("2026-11-05T08:00:00"), MarkingSource.Original, 3));

        Assert.Equal(30, report.Days.Count);
        Assert.Equal(480, report.Days[3].WorkedMinutes);
        Assert.Equal("08:00 12:00(P) 13:00(P) 17:00", EspelhoText.CountedMarkings(report.Days[3]));
        Assert.True(report.Days[4].MissingPunch);
        Assert.Equal((480, 1, 1, 2), (report.Totals.WorkedMinutes, report.Totals.DaysWorked, report.Totals.DaysWithMissingPunch, report.Totals.PreAssignedMarkings));
    }
}
