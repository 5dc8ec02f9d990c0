namespace Sluice.Delivery.Policies;

/// <summary>
/// Finds how many concurrent sends a destination can take without queueing them, in the manner of TCP Vegas
/// and Netflix's concurrency-limits: from the lowest latency seen (the destination with nothing queued) and
/// the latency now, it estimates how many of its sends are waiting in the destination's queue,
/// <c>queued = limit × (1 − minLatency / latency)</c>, and keeps that between a small <c>alpha</c> and
/// <c>beta</c>. Refusals and timeouts (503, 429, no answer) cut the limit multiplicatively, as AIMD does.
/// </summary>
/// <remarks>
/// The limit moves once per window of about one limit's worth of samples (one round trip at full use), not
/// per sample, so a burst of answers from one round trip counts once. While the worker does not use the
/// limit (fewer than half of it in flight) the limit does not grow: an idle destination teaches nothing.
/// </remarks>
public sealed class AdaptiveConcurrencyLimit : IConcurrencyLimit
{
    private const double BackoffRatio = 0.75;

    private readonly Lock _gate = new();
    private readonly int _min;
    private readonly int _max;
    private readonly TimeProvider _time;
    private readonly TimeSpan _relearnEvery;
    private double _limit;
    private TimeSpan _minLatency = TimeSpan.MaxValue;
    private long _minLatencySince;
    private TimeSpan _windowMinLatency = TimeSpan.MaxValue;
    private int _samples;
    private double _latencySumMs;
    private bool _overloaded;
    private int _mostInFlight;

    public AdaptiveConcurrencyLimit(int initial, int min, int max, TimeProvider time, TimeSpan? relearnEvery = null)
    {
        _min = min;
        _max = max;
        _limit = Math.Clamp(initial, min, max);
        _time = time;
        _relearnEvery = relearnEvery ?? TimeSpan.FromSeconds(30);
        _minLatencySince = time.GetTimestamp();
    }

    public int Current
    {
        get
        {
            lock (_gate)
            {
                return (int)_limit;
            }
        }
    }

    public void OnSample(TimeSpan latency, bool overloaded, int inFlight)
    {
        lock (_gate)
        {
            _samples++;
            _latencySumMs += latency.TotalMilliseconds;
            _overloaded |= overloaded;
            _mostInFlight = Math.Max(_mostInFlight, inFlight);
            if (!overloaded && latency < _windowMinLatency)
            {
                _windowMinLatency = latency;
            }

            if (_samples >= Math.Max(1, (int)_limit))
            {
                EndWindow();
            }
        }
    }

    private void EndWindow()
    {
        var latency = TimeSpan.FromMilliseconds(_latencySumMs / _samples);

        // The no-load latency is relearnt now and then, in case the destination became slower for good.
        if (_time.GetElapsedTime(_minLatencySince) > _relearnEvery && _windowMinLatency != TimeSpan.MaxValue)
        {
            _minLatency = _windowMinLatency;
            _minLatencySince = _time.GetTimestamp();
        }
        else if (_windowMinLatency < _minLatency)
        {
            _minLatency = _windowMinLatency;
        }

        if (_overloaded)
        {
            _limit *= BackoffRatio;
        }
        else if (_minLatency != TimeSpan.MaxValue && latency > TimeSpan.Zero)
        {
            var queued = _limit * (1 - (_minLatency.TotalMilliseconds / latency.TotalMilliseconds));

            // As in Netflix's Vegas limit, the queue it aims for grows slowly with the limit (3–6 at 10, 6–12 at 100):
            // a large limit keeps a deeper queue so its own latency noise does not read as overload.
            var scale = Math.Max(1, Math.Log10(_limit));
            var (alpha, beta) = (3 * scale, 6 * scale);
            if (queued > beta)
            {
                // Give back half of the excess each round trip: quick when capacity drops, without collapsing.
                _limit -= (queued - beta) / 2;
            }
            else if (queued < alpha && _mostInFlight >= _limit / 2)
            {
                // Nothing queues yet: grow by half (like slow start) while far from queueing, by one near it.
                _limit += queued < 1 ? Math.Max(1, _limit / 2) : 1;
            }
        }

        _limit = Math.Clamp(_limit, _min, _max);
        _samples = 0;
        _latencySumMs = 0;
        _overloaded = false;
        _mostInFlight = 0;
        _windowMinLatency = TimeSpan.MaxValue;
    }
}
