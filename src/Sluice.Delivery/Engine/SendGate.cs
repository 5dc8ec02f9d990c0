using Polly.CircuitBreaker;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Whether a destination may be sent to now, and if not until when: pause, a Retry-After hold, the schedule's window,
/// the rate and the circuit, each asked in turn; then how many more requests the concurrency limit lets start.
/// </summary>
internal sealed class SendGate(Pace pace, CircuitMirror circuit, TimeSpan pollInterval)
{
    private long _heldUntilTicks;
    private long _scheduleOpensTicks;
    private volatile bool _paused;

    public bool Paused => _paused;

    public CircuitMirror Circuit => circuit;

    public int Limit => pace.Limit.Current;

    /// <summary>The end of the longest Retry-After asked for; past when none holds.</summary>
    public DateTimeOffset HeldUntil => new(Interlocked.Read(ref _heldUntilTicks), TimeSpan.Zero);

    /// <summary>When the schedule opens next, as last seen closed; null when it was open.</summary>
    public DateTimeOffset? ClosedUntil =>
        Interlocked.Read(ref _scheduleOpensTicks) is > 0 and var opens ? new DateTimeOffset(opens, TimeSpan.Zero) : null;

    public void Pause() => _paused = true;

    public void Resume() => _paused = false;

    /// <summary>Retry-After is about the destination, not one message: nothing more is sent until it passes.</summary>
    /// <remarks>Only ever lengthened: concurrent answers asking for less do not cut a longer hold short.</remarks>
    public void HoldUntil(DateTimeOffset until)
    {
        long seen;
        while ((seen = Interlocked.Read(ref _heldUntilTicks)) < until.UtcTicks
               && Interlocked.CompareExchange(ref _heldUntilTicks, until.UtcTicks, seen) != seen)
        {
        }
    }

    /// <summary>Takes the rate's token for one request; false when the rate allows none now.</summary>
    public bool TryTakeToken() => pace.Rate is not { } rate || rate.Take(1) == 1;

    /// <summary>Told when nothing is left to send, which ends a scheduled flush.</summary>
    public void OnDrained() => pace.Schedule.OnDrained();

    /// <summary>How many more requests may start now, given <paramref name="inFlight"/> under way.</summary>
    public GateAnswer Ask(DateTimeOffset now, int inFlight)
    {
        if (_paused)
        {
            return GateAnswer.Shut(pollInterval);
        }

        if (now < HeldUntil)
        {
            return GateAnswer.Shut(Shorter(HeldUntil - now));
        }

        var open = pace.Schedule.IsOpen(now, out var opens);
        Interlocked.Exchange(ref _scheduleOpensTicks, open ? 0 : opens.UtcTicks);
        if (!open)
        {
            return GateAnswer.Shut(Shorter(opens - now));
        }

        if (pace.Rate is { } rate && rate.Available(out var nextToken) == 0)
        {
            return GateAnswer.Busy(Shorter(nextToken));
        }

        switch (circuit.State)
        {
            case CircuitState.Isolated:
                return GateAnswer.Shut(pollInterval);
            case CircuitState.HalfOpen:
                // A probe is under way.
                return GateAnswer.Busy(pollInterval);
            case CircuitState.Open when now < circuit.OpenUntil:
                return GateAnswer.Shut(Shorter(circuit.OpenUntil - now));
            case CircuitState.Open:
                // The break is over: one send probes the destination; the breaker decides from it.
                return inFlight == 0 ? new GateAnswer(1, 1, pollInterval, Blocked: false) : GateAnswer.Busy(pollInterval);
            default:
                var room = pace.Limit.Current - inFlight;
                return room > 0 ? new GateAnswer(room, pace.Limit.Current, pollInterval, Blocked: false) : GateAnswer.Busy(pollInterval);
        }
    }

    private TimeSpan Shorter(TimeSpan wait) => wait < pollInterval ? wait : pollInterval;
}

/// <param name="Room">How many more requests may start now.</param>
/// <param name="Ahead">How many requests' worth to lease ahead: the whole limit while the circuit is closed, so a
/// freed slot finds work waiting; only what may start while it probes.</param>
/// <param name="Wait">When <paramref name="Room"/> is 0, how long before asking again.</param>
/// <param name="Blocked">Nothing may be sent for a while (paused, held, closed by the schedule, the circuit open),
/// as opposed to every slot or token being taken: what was leased ahead should go back.</param>
internal readonly record struct GateAnswer(int Room, int Ahead, TimeSpan Wait, bool Blocked)
{
    public static GateAnswer Shut(TimeSpan wait) => new(0, 0, wait, Blocked: true);

    public static GateAnswer Busy(TimeSpan wait) => new(0, 0, wait, Blocked: false);
}
