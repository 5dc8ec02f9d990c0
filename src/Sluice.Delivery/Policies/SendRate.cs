using System.Threading.RateLimiting;

namespace Sluice.Delivery.Policies;

/// <summary>
/// A rate limit on sends: a <see cref="TokenBucketRateLimiter"/> of <c>burst</c> tokens that gains one every
/// 1/<c>ratePerSecond</c> seconds; each send takes one.
/// </summary>
/// <remarks>
/// The limiter's own timer would refill on the machine's clock. It is refilled here from the <see cref="TimeProvider"/>
/// it is given instead, one period at a time as that clock passes, so tests move time themselves. Without its timer
/// the limiter holds nothing that needs disposing.
/// </remarks>
internal sealed class SendRate
{
    private readonly Lock _gate = new();
    private readonly TokenBucketRateLimiter _bucket;
    private readonly TimeProvider _time;
    private readonly int _burst;

    /// <summary>One period, in <see cref="TimeProvider.GetTimestamp"/> units: exact arithmetic, no drift.</summary>
    private readonly long _period;
    private long _replenishedAt;

    public SendRate(double ratePerSecond, int burst, TimeProvider time)
    {
        _burst = Math.Max(1, burst);
        _time = time;
        _period = Math.Max(1, (long)Math.Round(time.TimestampFrequency / ratePerSecond));
        _replenishedAt = time.GetTimestamp();
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1 / ratePerSecond),
            AutoReplenishment = false,
            QueueLimit = 0,
        });
    }

    /// <summary>Whole tokens available now; when none, how long until the next one.</summary>
    public int Available(out TimeSpan untilNext)
    {
        lock (_gate)
        {
            var available = Replenish();
            untilNext = available > 0 ? TimeSpan.Zero : _time.GetElapsedTime(_time.GetTimestamp(), _replenishedAt + _period);
            return available;
        }
    }

    /// <summary>Takes up to <paramref name="wanted"/> tokens; returns how many it got.</summary>
    public int Take(int wanted)
    {
        lock (_gate)
        {
            var taken = Math.Min(wanted, Replenish());
            if (taken <= 0)
            {
                return 0;
            }

            using var lease = _bucket.AttemptAcquire(taken);
            return lease.IsAcquired ? taken : 0;
        }
    }

    /// <summary>Adds a token for each whole period passed since the last; returns the tokens available.</summary>
    private int Replenish()
    {
        var now = _time.GetTimestamp();
        var periods = (now - _replenishedAt) / _period;
        var missing = _burst - Available();
        for (var i = 0; i < Math.Min(periods, missing); i++)
        {
            _bucket.TryReplenish();
        }

        // Time spent full earns nothing; otherwise the part of a period already passed still counts towards the next token.
        _replenishedAt = periods >= missing ? now : _replenishedAt + (periods * _period);
        return Available();
    }

    private int Available() => (int)(_bucket.GetStatistics()?.CurrentAvailablePermits ?? 0);
}
