using Microsoft.Extensions.Time.Testing;
using Sluice.Delivery.Policies;

namespace Sluice.Tests.Delivery.Pace;

public sealed class TokenBucketTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Holds_the_rate_within_ten_percent_over_ten_seconds()
    {
        var bucket = new TokenBucket(ratePerSecond: 50, burst: 5, _time);
        var taken = 0;

        // A sender that always wants more, asking every 7 ms.
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromSeconds(10); elapsed += TimeSpan.FromMilliseconds(7))
        {
            taken += bucket.Take(100);
            _time.Advance(TimeSpan.FromMilliseconds(7));
        }

        Assert.InRange(taken, 450, 550);
    }

    [Fact]
    public void Says_how_long_until_the_next_token()
    {
        var bucket = new TokenBucket(ratePerSecond: 4, burst: 1, _time);

        Assert.Equal(1, bucket.Take(1));
        Assert.Equal(0, bucket.Available(out var wait));
        Assert.Equal(TimeSpan.FromMilliseconds(250), wait);

        _time.Advance(wait);
        Assert.Equal(1, bucket.Available(out _));
    }

    [Fact]
    public void A_quiet_spell_allows_only_the_burst()
    {
        var bucket = new TokenBucket(ratePerSecond: 10, burst: 3, _time);

        _time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(3, bucket.Take(100));
    }
}
