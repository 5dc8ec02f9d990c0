using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Sluice.Delivery.Policies;
using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Sends one request (one message, or a batch) to the sink through the circuit breaker and timeout, learns from the
/// answer (the concurrency limit's sample, the latency, a Retry-After), and classifies each message's outcome.
/// </summary>
internal sealed partial class RequestSender
{
    private readonly string _name;
    private readonly DestinationOptions _options;
    private readonly IDeliverySink _sink;
    private readonly int _batchSize;
    private readonly SendGate _gate;
    private readonly IConcurrencyLimit _limit;
    private readonly RetryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<IReadOnlyList<SendResult>> _pipeline;

    /// <param name="onCircuitClosed">Called when sending may resume after a break.</param>
    public RequestSender(
        string name, DestinationOptions options, IDeliverySink sink, Pace pace, SendGate gate, TimeProvider time, ILogger logger,
        Action onCircuitClosed)
    {
        _name = name;
        _options = options;
        _sink = sink;
        _batchSize = sink is IBatchDeliverySink ? options.Batch.Size : 1;
        _gate = gate;
        _limit = pace.Limit;
        _policy = new RetryPolicy(options, Random.Shared.NextDouble);
        _time = time;
        _logger = logger;
        Latency = new LatencyWindow(time);
        _pipeline = BuildPipeline(onCircuitClosed);
    }

    /// <summary>How many messages one request carries at most.</summary>
    public int BatchSize => _batchSize;

    public LatencyWindow Latency { get; }

    /// <param name="inFlight">Requests under way when this one started, the limit's sample of load.</param>
    /// <param name="abort">Cancelled when shutdown stops waiting: the messages are released to be sent again.</param>
    /// <returns>One outcome per lease, in order.</returns>
    public async Task<IReadOnlyList<DeliveryOutcome>> SendAsync(LeasedDelivery[] leases, int inFlight, CancellationToken abort)
    {
        var started = _time.GetTimestamp();
        using var span = DeliveryTracing.StartSend(_name, leases);
        IReadOnlyList<SendResult> results;
        try
        {
            results = await _pipeline.ExecuteAsync(
                static (state, token) => state.Sender.SendRequestAsync(state.Leases, token),
                (Sender: this, Leases: leases),
                abort);
        }
        catch (BrokenCircuitException ex)
        {
            var now = _time.GetUtcNow();
            return Finish(span, Release(leases, now, now + (ex.RetryAfter ?? _options.CircuitBreaker.BreakDuration), "Not sent: the circuit is open."));
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            return Finish(span, Release(leases, now, now, "Interrupted by shutdown."));
        }
        catch (Exception ex)
        {
            var timedOut = ex is TimeoutRejectedException;
            var error = timedOut
                ? $"No answer within {_options.Timeout.TotalSeconds:0.###} s."
                : $"{ex.GetType().Name}: {ex.Message}";
            var result = SendResult.Transient(error, overloaded: timedOut);
            results = [.. leases.Select(_ => result)];
        }

        Observe(results, _time.GetElapsedTime(started), inFlight);
        var decided = _time.GetUtcNow();
        return Finish(span, [.. leases.Select((lease, i) => _policy.Decide(lease, results[i], decided))]);
    }

    private static IReadOnlyList<DeliveryOutcome> Finish(System.Diagnostics.Activity? span, IReadOnlyList<DeliveryOutcome> outcomes)
    {
        DeliveryTracing.Finish(span, outcomes);
        return outcomes;
    }

    private static DeliveryOutcome[] Release(LeasedDelivery[] leases, DateTimeOffset now, DateTimeOffset availableAt, string reason) =>
        [.. leases.Select(lease => DeliveryOutcome.Release(lease, now, availableAt, reason))];

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

    /// <summary>Feeds the limit one sample per request, and holds all sends when the destination asks for a pause.</summary>
    private void Observe(IReadOnlyList<SendResult> results, TimeSpan latency, int inFlight)
    {
        DeliveryMetrics.SendDuration.Record(latency.TotalSeconds, new KeyValuePair<string, object?>("destination", _name));
        _limit.OnSample(latency, results.Any(r => r.Overloaded), inFlight);

        // Only sends the destination answered: a refused connection's few microseconds would read as a fast system.
        if (results.Any(r => r.Status != SendStatus.Transient || r.Overloaded))
        {
            Latency.Record(latency);
        }

        if (results.Where(r => r.Status == SendStatus.Transient).Max(r => r.RetryAfter) is { } longest)
        {
            _gate.HoldUntil(_time.GetUtcNow() + longest);
        }
    }

    private ResiliencePipeline<IReadOnlyList<SendResult>> BuildPipeline(Action onCircuitClosed)
    {
        var breaker = _options.CircuitBreaker;
        return new ResiliencePipelineBuilder<IReadOnlyList<SendResult>> { TimeProvider = _time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<IReadOnlyList<SendResult>>
            {
                FailureRatio = breaker.FailureRatio,
                MinimumThroughput = breaker.MinimumThroughput,
                SamplingDuration = breaker.SamplingDuration,
                BreakDuration = breaker.BreakDuration,
                StateProvider = _gate.Circuit.Provider,

                // A permanent refusal says the message is bad, not that the destination is: it does not count.
                // A batch counts as failed when none of it got through.
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Exception is { } ex
                        ? ex is not OperationCanceledException
                        : args.Outcome.Result is { Count: > 0 } results && results.All(r => r.Status == SendStatus.Transient)),
                OnOpened = args =>
                {
                    _gate.Circuit.Opened(_time.GetUtcNow() + args.BreakDuration);
                    LogCircuitOpened(_name, args.BreakDuration.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    LogCircuitClosed(_name);
                    onCircuitClosed();
                    return ValueTask.CompletedTask;
                },
            })
            .AddTimeout(_options.Timeout)
            .Build();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit to {Destination} opened for {Seconds} s.")]
    private partial void LogCircuitOpened(string destination, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to {Destination} closed: sending resumes.")]
    private partial void LogCircuitClosed(string destination);
}
