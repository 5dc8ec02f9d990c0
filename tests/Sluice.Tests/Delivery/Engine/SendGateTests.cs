using Microsoft.Extensions.Time.Testing;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Policies;

namespace Sluice.Tests.Delivery.Engine;

public sealed class SendGateTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));

    private static SendGate Gate(int limit = 4, TokenBucket? rate = null, DeliverySchedule? schedule = null) =>
        new(new Sluice.Delivery.Engine.Pace(new FixedConcurrencyLimit(limit), rate, schedule ?? DeliverySchedule.Continuous), new CircuitMirror(), Poll);

    [Fact]
    public void Lets_the_limit_less_what_is_in_flight_start_and_leases_a_whole_limit_ahead()
    {
        var gate = Gate(limit: 4);

        Assert.Equal(new GateAnswer(3, 4, Poll, Blocked: false), gate.Ask(_time.GetUtcNow(), inFlight: 1));
        Assert.Equal(GateAnswer.Busy(Poll), gate.Ask(_time.GetUtcNow(), inFlight: 4));
    }

    [Fact]
    public void A_paused_destination_is_shut_until_resumed()
    {
        var gate = Gate();

        gate.Pause();
        Assert.Equal(GateAnswer.Shut(Poll), gate.Ask(_time.GetUtcNow(), inFlight: 0));

        gate.Resume();
        Assert.Equal(4, gate.Ask(_time.GetUtcNow(), inFlight: 0).Room);
    }

    [Fact]
    public void A_retry_after_hold_shuts_it_until_the_hold_ends_and_a_shorter_one_does_not_cut_it_short()
    {
        var gate = Gate();
        var now = _time.GetUtcNow();

        gate.HoldUntil(now.AddMilliseconds(700));
        gate.HoldUntil(now.AddMilliseconds(200));

        Assert.Equal(GateAnswer.Shut(TimeSpan.FromMilliseconds(700)), gate.Ask(now, inFlight: 0));
        _time.Advance(TimeSpan.FromMilliseconds(700));
        Assert.Equal(4, gate.Ask(_time.GetUtcNow(), inFlight: 0).Room);
    }

    [Fact]
    public void Outside_its_window_it_is_shut_and_says_when_the_window_opens()
    {
        // 12:00 UTC; the window opens at 12:30.
        var gate = Gate(schedule: DeliverySchedule.Windows([(TimeSpan.FromMinutes(750), TimeSpan.FromHours(13))], TimeZoneInfo.Utc));
        var now = _time.GetUtcNow();

        Assert.Equal(GateAnswer.Shut(Poll), gate.Ask(now, inFlight: 0));
        Assert.Equal(now.AddMinutes(30), gate.ClosedUntil);

        _time.Advance(TimeSpan.FromMinutes(30));
        Assert.Equal(4, gate.Ask(_time.GetUtcNow(), inFlight: 0).Room);
        Assert.Null(gate.ClosedUntil);
    }

    [Fact]
    public void Without_a_token_it_is_busy_until_the_next_one_without_giving_back_what_it_leased()
    {
        var gate = Gate(rate: new TokenBucket(ratePerSecond: 4, burst: 1, _time));

        Assert.True(gate.TryTakeToken());
        Assert.False(gate.TryTakeToken());
        Assert.Equal(GateAnswer.Busy(TimeSpan.FromMilliseconds(250)), gate.Ask(_time.GetUtcNow(), inFlight: 0));

        _time.Advance(TimeSpan.FromMilliseconds(250));
        Assert.Equal(4, gate.Ask(_time.GetUtcNow(), inFlight: 0).Room);
    }
}
