using Microsoft.Extensions.Time.Testing;
using Sluice.Delivery.Policies;

namespace Sluice.Tests.Delivery.Pace;

/// <summary>
/// The adaptive limit against a model of a legacy system: <c>capacity</c> requests are worked on at once in
/// <c>service</c> time each; more wait in its queue (latency grows with the queue); past the queue it refuses.
/// Every round trip the worker keeps the limit's worth in flight, as a busy destination does.
/// </summary>
public sealed class AdaptiveConcurrencyLimitTests
{
    private static readonly TimeSpan Service = TimeSpan.FromMilliseconds(100);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    /// <summary>Runs round trips for <paramref name="duration"/> of simulated time; returns the limit after each.</summary>
    private List<int> Run(AdaptiveConcurrencyLimit limit, int capacity, TimeSpan duration, int queueLimit = 1_000)
    {
        var seen = new List<int>();
        var end = _time.GetUtcNow() + duration;
        while (_time.GetUtcNow() < end)
        {
            var inFlight = limit.Current;
            var refused = Math.Max(0, inFlight - capacity - queueLimit);
            var taken = inFlight - refused;
            var latency = Service * Math.Max(1.0, (double)taken / capacity);
            for (var i = 0; i < taken; i++)
            {
                limit.OnSample(latency, overloaded: false, inFlight);
            }

            for (var i = 0; i < refused; i++)
            {
                limit.OnSample(TimeSpan.FromMilliseconds(1), overloaded: true, inFlight);
            }

            _time.Advance(latency);
            seen.Add(limit.Current);
        }

        return seen;
    }

    [Fact]
    public void Climbs_to_the_capacity_it_is_not_told_and_stays_near_it()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 4, min: 1, max: 500, _time);

        var limits = Run(limit, capacity: 40, TimeSpan.FromSeconds(10));

        // Within 3 s (about 30 round trips) it has found the capacity, and afterwards it keeps queueing small.
        var afterThreeSeconds = limits.Skip(30).ToList();
        Assert.All(afterThreeSeconds, l => Assert.InRange(l, 40, 52));
    }

    [Fact]
    public void Comes_down_within_seconds_when_capacity_halves()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 4, min: 1, max: 500, _time);
        Run(limit, capacity: 40, TimeSpan.FromSeconds(10));
        Assert.InRange(limit.Current, 40, 52);

        var limits = Run(limit, capacity: 20, TimeSpan.FromSeconds(3));

        Assert.InRange(limits[^1], 20, 28);
    }

    [Fact]
    public void Refusals_cut_the_limit_at_once()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 40, min: 1, max: 500, _time);

        for (var i = 0; i < 40; i++)
        {
            limit.OnSample(TimeSpan.FromMilliseconds(5), overloaded: i % 2 == 0, inFlight: 40);
        }

        Assert.Equal(30, limit.Current);
    }

    [Fact]
    public void Does_not_grow_while_the_limit_is_not_used()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 10, min: 1, max: 500, _time);

        for (var i = 0; i < 1_000; i++)
        {
            limit.OnSample(Service, overloaded: false, inFlight: 2);
        }

        Assert.Equal(10, limit.Current);
    }

    [Fact]
    public void Stays_within_its_bounds()
    {
        var limit = new AdaptiveConcurrencyLimit(initial: 4, min: 2, max: 16, _time);

        Assert.All(Run(limit, capacity: 100, TimeSpan.FromSeconds(5)), l => Assert.InRange(l, 2, 16));
        Assert.Equal(16, limit.Current);
        Assert.All(Run(limit, capacity: 1, TimeSpan.FromSeconds(5), queueLimit: 0), l => Assert.InRange(l, 2, 16));
        Assert.Equal(2, limit.Current);
    }
}
