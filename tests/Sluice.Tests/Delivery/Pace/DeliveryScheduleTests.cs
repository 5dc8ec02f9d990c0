using Sluice.Delivery.Policies;

namespace Sluice.Tests.Delivery.Pace;

public sealed class DeliveryScheduleTests
{
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private static DateTimeOffset Local(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.FromHours(-3));

    [Fact]
    public void A_night_window_is_closed_at_noon_and_open_across_midnight()
    {
        var schedule = DeliverySchedule.Windows([DeliverySchedule.ParseWindow("22:00-06:00")!.Value], SaoPaulo);

        Assert.False(schedule.IsOpen(Local(22, 12), out var opens));
        Assert.Equal(Local(22, 22), opens);
        Assert.True(schedule.IsOpen(Local(22, 23), out var closes));
        Assert.Equal(Local(23, 6), closes);
        Assert.True(schedule.IsOpen(Local(23, 5, 59), out _));
        Assert.False(schedule.IsOpen(Local(23, 6), out _));
    }

    [Fact]
    public void An_interval_opens_at_each_flush_until_drained()
    {
        var schedule = DeliverySchedule.Interval(TimeSpan.FromMinutes(30), SaoPaulo, Local(22, 10, 5));

        Assert.False(schedule.IsOpen(Local(22, 10, 20), out var flush));
        Assert.Equal(Local(22, 10, 30), flush);
        Assert.True(schedule.IsOpen(Local(22, 10, 30), out _));
        Assert.True(schedule.IsOpen(Local(22, 10, 40), out _));

        schedule.OnDrained();

        Assert.False(schedule.IsOpen(Local(22, 10, 45), out var next));
        Assert.Equal(Local(22, 11), next);
        Assert.True(schedule.IsOpen(Local(22, 11), out _));
    }

    [Theory]
    [InlineData("22:00-06:00", true)]
    [InlineData("08:30-12:00", true)]
    [InlineData("8-12", false)]
    [InlineData("22:00-22:00", false)]
    [InlineData("25:00-06:00", false)]
    public void Windows_are_read_as_hh_mm_pairs(string text, bool valid)
    {
        Assert.Equal(valid, DeliverySchedule.ParseWindow(text) is not null);
    }
}
