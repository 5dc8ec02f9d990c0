using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Sluice.Journal;

namespace Sluice.Delivery.Engine;

internal sealed partial class DestinationWorker
{
    /// <summary>Sends one request (one message, or a batch) and records an outcome for each message in it.</summary>
    private async Task SendAsync(LeasedDelivery[] leases)
    {
        var startedInFlight = Volatile.Read(ref _inFlight);
        var started = _time.GetTimestamp();
        using var span = DeliveryTracing.StartSend(_name, leases);
        IReadOnlyList<DeliveryOutcome> outcomes;
        try
        {
            var results = await _pipeline.ExecuteAsync(
                static (state, token) => state.Worker.SendRequestAsync(state.Leases, token),
                (Worker: this, Leases: leases),
                _abortSends.Token);
            Observe(results, _time.GetElapsedTime(started), startedInFlight);
            var now = _time.GetUtcNow();
            outcomes = leases.Select((lease, i) => _policy.Decide(lease, results[i], now)).ToList();
        }
        catch (BrokenCircuitException ex)
        {
            var now = _time.GetUtcNow();
            outcomes = Release(leases, now + (ex.RetryAfter ?? _options.CircuitBreaker.BreakDuration), "Not sent: the circuit is open.");
        }
        catch (OperationCanceledException) when (_abortSends.IsCancellationRequested)
        {
            outcomes = Release(leases, _time.GetUtcNow(), "Interrupted by shutdown.");
        }
        catch (Exception ex)
        {
            var timedOut = ex is TimeoutRejectedException;
            var error = timedOut
                ? $"No answer within {_options.Timeout.TotalSeconds:0.###} s."
                : $"{ex.GetType().Name}: {ex.Message}";
            var result = SendResult.Transient(error, overloaded: timedOut);
            Observe([result], _time.GetElapsedTime(started), startedInFlight);
            var now = _time.GetUtcNow();
            outcomes = leases.Select(lease => _policy.Decide(lease, result, now)).ToList();
        }

        DeliveryTracing.Finish(span, outcomes);
        for (var i = 0; i < leases.Length; i++)
        {
            Record(leases[i], outcomes[i]);
        }

        if (Interlocked.Decrement(ref _inFlight) == 0 && _stopping)
        {
            _drained.TrySetResult();
        }

        _wake.Set();
    }

    private async ValueTask<IReadOnlyList<SendResult>> SendRequestAsync(LeasedDelivery[] leases, CancellationToken token)
    {
        if (_sink is IBatchDeliverySink batches && _batchSize > 1)
        {
            var results = await batches.SendBatchAsync(leases, token);
            return results.Count == leases.Length
                ? results
                : throw new InvalidOperationException($"The sink answered {results.Count} results for a batch of {leases.Length}.");
        }

        return [await _sink.SendAsync(leases[0], token)];
    }

    private List<DeliveryOutcome> Release(LeasedDelivery[] leases, DateTimeOffset availableAt, string reason)
    {
        var now = _time.GetUtcNow();
        return leases.Select(lease => DeliveryOutcome.Release(lease, now, availableAt, reason)).ToList();
    }

    private void Record(LeasedDelivery lease, DeliveryOutcome outcome)
    {
        _recorder.Record(lease, outcome);
        DeliveryMetrics.Sent.Add(1,
            new KeyValuePair<string, object?>("destination", _name),
            new KeyValuePair<string, object?>("outcome", OutcomeName(outcome.Kind)));
        if (outcome.Kind == OutcomeKind.DeadLetter)
        {
            LogDeadLettered(_name, lease.MessageId, outcome.Error);
        }
    }

    /// <summary>Feeds the limit one sample per request, and holds all sends when the destination asks for a pause.</summary>
    private void Observe(IReadOnlyList<SendResult> results, TimeSpan latency, int inFlight)
    {
        DeliveryMetrics.SendDuration.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("destination", _name));
        _limit.OnSample(latency, results.Any(r => r.Overloaded), inFlight);

        // Only sends the destination answered: a refused connection's few microseconds would read as a fast system.
        if (results.Any(r => r.Status != SendStatus.Transient || r.Overloaded))
        {
            _latency.Record(latency);
        }

        // Retry-After is about the destination, not one message: nothing more is sent until it passes.
        var pause = results.Where(r => r.Status == SendStatus.Transient).Max(r => r.RetryAfter);
        if (pause is { } longest)
        {
            var until = (_time.GetUtcNow() + longest).UtcTicks;
            long seen;
            while ((seen = Interlocked.Read(ref _heldUntilTicks)) < until
                   && Interlocked.CompareExchange(ref _heldUntilTicks, until, seen) != seen)
            {
            }
        }
    }

    private ResiliencePipeline<IReadOnlyList<SendResult>> BuildPipeline()
    {
        var breaker = _options.CircuitBreaker;
        return new ResiliencePipelineBuilder<IReadOnlyList<SendResult>> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<IReadOnlyList<SendResult>>
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                StateProvider = _circuit,

                // A permanent refusal says the message is bad, not that the destination is: it does not count.
                // A batch counts as failed when none of it got through.
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex
                        ? ex is not OperationCanceledException
                        : args.Outcome.Result is { Count: > 0 } results && results.All(r => r.Status == SendStatus.Transient)),
                OnOpened = args =>
                {
                    Interlocked.Exchange(ref _circuitOpenUntilTicks, (_time.GetUtcNow() + args.BreakDuration).UtcTicks);
                    LogCircuitOpened(_name, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(_name);
                    _wake.Set();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.Timeout)
            .Build();
    }

    internal static string CircuitName(CircuitState state) => state switch
    {
        CircuitState.Closed => "closed",
        CircuitState.Open => "open",
        CircuitState.HalfOpen => "half-open",
        _ => "isolated",
    };

    internal static string OutcomeName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Delivered => "delivered",
        OutcomeKind.Retry => "retry",
        OutcomeKind.DeadLetter => "dead_letter",
        _ => "released",
    };
}
