namespace Sluice.Delivery.Policies;

/// <summary>
/// A rate limit on sends: tokens refill at <c>ratePerSecond</c> up to <c>burst</c>, and each send takes one.
/// Driven by the <see cref="TimeProvider"/> it is given, so tests can move time themselves.
/// </summary>
public sealed class TokenBucket
{
    private readonly Lock _gate = new();
    private readonly double _ratePerSecond;
    private readonly double _burst;
    private readonly TimeProvider _time;
    private double _tokens;
    private long _refilledAt;

    public TokenBucket(double ratePerSecond, int burst, TimeProvider time)
    {
        _ratePerSecond = ratePerSecond;
        _burst = Math.Max(1, burst);
        _time = time;
        _tokens = _burst;
        _refilledAt = time.GetTimestamp();
    }

    /// <summary>Whole tokens available now; when none, how long until the next one.</summary>
    public int Available(out TimeSpan untilNext)
    {
        lock (_gate)
        {
            Refill();
            untilNext = _tokens >= 1 ? TimeSpan.Zero : TimeSpan.FromSeconds((1 - _tokens) / _ratePerSecond);
            return (int)_tokens;
        }
    }

    /// <summary>Takes up to <paramref name="wanted"/> tokens; returns how many it got.</summary>
    public int Take(int wanted)
    {
        lock (_gate)
        {
            Refill();
            var taken = Math.Min(wanted, (int)_tokens);
            _tokens -= taken;
            return taken;
        }
    }

    private void Refill()
    {
        var now = _time.GetTimestamp();
        _tokens = Math.Min(_burst, _tokens + (_time.GetElapsedTime(_refilledAt, now).TotalSeconds * _ratePerSecond));
        _refilledAt = now;
    }
}
