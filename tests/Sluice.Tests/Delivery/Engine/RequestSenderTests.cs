using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Policies;
using Sluice.Journal;

namespace Sluice.Tests.Delivery.Engine;

public sealed class RequestSenderTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 22, 12, 0, 0, TimeSpan.Zero));
    private readonly Queue<Func<SendResult>> _answers = new();
    private readonly DestinationOptions _options = new()
    {
        MaxAttempts = 3,
        CircuitBreaker = { MinimumThroughput = 2, FailureRatio = 0.5, BreakDuration = TimeSpan.FromSeconds(30) },
    };

    private readonly SendGate _gate;
    private readonly RequestSender _sender;

    public RequestSenderTests()
    {
        var pace = new Sluice.Delivery.Engine.Pace(new FixedConcurrencyLimit(4), null, DeliverySchedule.Continuous);
        _gate = new SendGate(pace, new CircuitMirror(), Poll);
        _sender = new RequestSender("legacy", _options, new AnsweringSink(_answers), pace, _gate, _time, NullLogger.Instance, () => { });
    }

    private Task<IReadOnlyList<DeliveryOutcome>> SendAsync(Func<SendResult> answer, int attempt = 1)
    {
        _answers.Enqueue(answer);
        return _sender.SendAsync([Lease(attempt)], inFlight: 1, CancellationToken.None);
    }

    private LeasedDelivery Lease(int attempt) => new(
        1, Guid.CreateVersion7(), "legacy", "punch", "{}"u8.ToArray(), "application/json", new Dictionary<string, string>(), null,
        _time.GetUtcNow(), attempt, Guid.NewGuid(), _time.GetUtcNow().AddMinutes(1));

    [Fact]
    public async Task An_accepted_send_is_delivered()
    {
        var outcome = Assert.Single(await SendAsync(() => SendResult.Success));

        Assert.Equal(OutcomeKind.Delivered, outcome.Kind);
    }

    [Fact]
    public async Task A_permanent_refusal_is_a_dead_letter_and_a_transient_one_on_the_last_attempt_too()
    {
        Assert.Equal(OutcomeKind.DeadLetter, Assert.Single(await SendAsync(() => SendResult.Permanent("HTTP 422"))).Kind);
        Assert.Equal(OutcomeKind.DeadLetter, Assert.Single(await SendAsync(() => SendResult.Transient("HTTP 503"), attempt: 3)).Kind);
    }

    [Fact]
    public async Task A_retry_after_retries_no_sooner_and_holds_the_whole_destination()
    {
        var outcome = Assert.Single(await SendAsync(() => SendResult.Transient("HTTP 429", TimeSpan.FromSeconds(20))));

        Assert.Equal(OutcomeKind.Retry, outcome.Kind);
        Assert.True(outcome.NextAttemptAt >= _time.GetUtcNow().AddSeconds(20));
        Assert.Equal(_time.GetUtcNow().AddSeconds(20), _gate.HeldUntil);
    }

    [Fact]
    public async Task A_sink_that_throws_is_a_transient_failure()
    {
        var outcome = Assert.Single(await SendAsync(() => throw new IOException("reset")));

        Assert.Equal(OutcomeKind.Retry, outcome.Kind);
        Assert.Equal("IOException: reset", outcome.Error);
    }

    [Fact]
    public async Task Repeated_failures_open_the_circuit_the_gate_shuts_and_a_send_meanwhile_is_released_untried()
    {
        await SendAsync(() => SendResult.Transient("HTTP 503"));
        await SendAsync(() => SendResult.Transient("HTTP 503"));

        Assert.Equal("open", _gate.Circuit.Name);
        Assert.Equal(_time.GetUtcNow().AddSeconds(30), _gate.Circuit.OpenUntil);
        Assert.True(_gate.Ask(_time.GetUtcNow(), inFlight: 0).Blocked);
        var refused = Assert.Single(await SendAsync(() => SendResult.Success));
        Assert.Equal(OutcomeKind.Release, refused.Kind);

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, _gate.Ask(_time.GetUtcNow(), inFlight: 0).Room);
        await SendAsync(() => SendResult.Success);
        Assert.Equal("closed", _gate.Circuit.Name);
    }

    private sealed class AnsweringSink(Queue<Func<SendResult>> answers) : IDeliverySink
    {
        public ValueTask<SendResult> SendAsync(LeasedDelivery delivery, CancellationToken cancellationToken) =>
            ValueTask.FromResult(answers.Dequeue()());
    }
}
