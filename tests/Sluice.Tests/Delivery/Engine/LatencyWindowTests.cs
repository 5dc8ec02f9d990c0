using Microsoft.Extensions.Time.Testing;
using Sluice.Delivery.Engine;

namespace Sluice.Tests.Delivery.Engine;

public sealed class LatencyWindowTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Median_and_99th_percentile_come_from_the_samples_within_one_percent()
    {
        var window = new LatencyWindow(_time);
        for (var ms = 1; ms <= 1000; ms++)
        {
            window.Record(TimeSpan.FromMilliseconds(ms));
        }

        var summary = window.Summary();

        Assert.NotNull(summary);
        Assert.Equal(1000, summary.Count);
        Assert.InRange(summary.P50.TotalMilliseconds, 500 * 0.99, 500 * 1.01);
        Assert.InRange(summary.P99.TotalMilliseconds, 990 * 0.99, 990 * 1.01);
    }

    [Fact]
    public void Samples_older_than_a_minute_age_out_ten_seconds_at_a_time()
    {
        var window = new LatencyWindow(_time);
        window.Record(TimeSpan.FromSeconds(2));
        _time.Advance(TimeSpan.FromSeconds(30));
        window.Record(TimeSpan.FromMilliseconds(20));

        Assert.Equal(2, window.Summary()!.Count);

        // The two-second send is now more than a minute old; the twenty-millisecond one is not.
        _time.Advance(TimeSpan.FromSeconds(40));
        var recent = window.Summary();
        Assert.Equal(1, recent!.Count);
        Assert.InRange(recent.P99.TotalMilliseconds, 19.8, 20.2);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(window.Summary());
    }
}
