using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Sluice.Delivery.Policies;
using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Delivers one destination's messages: leases what is due, sends it within the concurrency limit,
/// and hands each outcome to the recorder. One per destination per node.
/// </summary>
internal sealed partial class DestinationWorker
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly string _name;
    private readonly DestinationOptions _options;
    private readonly DeliveryOptions _engine;
    private readonly IJournal _journal;
    private readonly IDeliverySink _sink;
    private readonly OutcomeRecorder _recorder;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly string _owner;
    private readonly RetryPolicy _policy;
    private readonly IConcurrencyLimit _limit;
    private readonly Pace _pace;
    private readonly CircuitBreakerStateProvider _circuit = new();
    private readonly LatencyWindow _latency;
    private readonly ResiliencePipeline<IReadOnlyList<SendResult>> _pipeline;
    private readonly int _batchSize;
    private readonly WakeSignal _wake = new();
    private readonly CancellationTokenSource _abortSends = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Leased ahead, waiting for a free slot. Touched only by the loop.</summary>
    private readonly Queue<LeasedDelivery> _ready = new();
    private int _inFlight;
    private long _heldUntilTicks;
    private long _circuitOpenUntilTicks;
    private long _scheduleOpensTicks;
    private volatile bool _paused;
    private volatile bool _stopping;

    public DestinationWorker(
        string name,
        DestinationOptions options,
        DeliveryOptions engine,
        IJournal journal,
        IDeliverySink sink,
        Pace pace,
        OutcomeRecorder recorder,
        TimeProvider time,
        ILogger logger)
    {
        _name = name;
        _options = options;
        _engine = engine;
        _journal = journal;
        _sink = sink;
        _pace = pace;
        _limit = pace.Limit;
        _recorder = recorder;
        _time = time;
        _logger = logger;
        _latency = new LatencyWindow(time);
        _owner = $"{engine.NodeId ?? $"{Environment.MachineName}:{Environment.ProcessId}"}/{name}";
        _policy = new RetryPolicy(options, Random.Shared.NextDouble);
        _batchSize = sink is IBatchDeliverySink ? options.Batch.Size : 1;
        _pipeline = BuildPipeline();
    }

    public string Name => _name;

    public void Wake() => _wake.Set();

    public void Pause() => _paused = true;

    public void Resume()
    {
        _paused = false;
        _wake.Set();
    }

    public DestinationStatus Status()
    {
        var held = new DateTimeOffset(Interlocked.Read(ref _heldUntilTicks), TimeSpan.Zero);
        var circuit = _circuit.CircuitState;
        var openUntil = new DateTimeOffset(Interlocked.Read(ref _circuitOpenUntilTicks), TimeSpan.Zero);
        return new DestinationStatus(
            _name,
            _options.Sink,
            _limit.Current,
            Volatile.Read(ref _inFlight),
            CircuitName(circuit),
            _paused,
            held > _time.GetUtcNow() ? held : null,
            Interlocked.Read(ref _scheduleOpensTicks) is > 0 and var opens ? new DateTimeOffset(opens, TimeSpan.Zero) : null,
            circuit == CircuitState.Open && openUntil > _time.GetUtcNow() ? openUntil : null)
        {
            Latency = _latency.Summary(),
        };
    }

    public async Task RunAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await LeaseAndSendAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogLoopFailed(ex, _name);
                await SleepAsync(_engine.PollInterval, stopping);
            }
        }

        await DrainAsync();
    }

    private async Task LeaseAndSendAsync(CancellationToken stopping)
    {
        var now = _time.GetUtcNow();
        var room = Room(now, out var wait, out var blocked);
        if (room <= 0)
        {
            if (blocked)
            {
                // Paused, held or broken: work leased ahead goes back now instead of waiting out its lease.
                ReleaseReady(now, "Not sent: the destination is paused, held or its circuit is open.");
            }

            await SleepAsync(wait, stopping);
            return;
        }

        if (_ready.Count == 0)
        {
            // Lease a limit's worth at once: a busy destination then costs the journal one round trip per
            // batch of sends rather than one per send, while a send still starts the moment a slot frees.
            var want = (_circuit.CircuitState == CircuitState.Closed ? _limit.Current : room) * _batchSize;
            var leases = await _journal.LeaseAsync(
                new LeaseRequest(_name, Math.Min(want, Math.Max(_engine.LeaseBatchSize, _batchSize)), _owner, now, _engine.LeaseDuration),
                stopping);
            if (leases.Count == 0)
            {
                _pace.Schedule.OnDrained();
                var due = await _journal.GetNextDueAsync(_name, stopping);
                var untilDue = due is { } at ? at - _time.GetUtcNow() : _engine.PollInterval;
                await SleepAsync(untilDue < _engine.PollInterval ? untilDue : _engine.PollInterval, stopping);
                return;
            }

            foreach (var lease in leases)
            {
                _ready.Enqueue(lease);
            }
        }

        // Each request (one message, or a batch of up to Batch:Size) takes one slot and one token.
        var request = new List<LeasedDelivery>(_batchSize);
        while (room > 0 && _ready.Count > 0)
        {
            if (_pace.Rate is { } rate && rate.Take(1) == 0)
            {
                break;
            }

            // A lease that ran out while waiting may already be another worker's: leave it to them.
            while (request.Count < _batchSize && _ready.TryDequeue(out var lease))
            {
                if (lease.LeasedUntil > now)
                {
                    request.Add(lease);
                }
            }

            if (request.Count == 0)
            {
                break;
            }

            room--;
            Interlocked.Increment(ref _inFlight);
            _ = SendAsync([.. request]);
            request.Clear();
        }
    }

    /// <summary>Gives back what was leased ahead and not started, without counting an attempt.</summary>
    private void ReleaseReady(DateTimeOffset now, string reason)
    {
        while (_ready.TryDequeue(out var lease))
        {
            _recorder.Record(DeliveryOutcome.Release(lease, now, now, reason));
        }
    }

    /// <summary>How many more sends may start now; when none, how long to wait before asking again.</summary>
    /// <param name="blocked">True when nothing may be sent for a while (as opposed to every slot being busy).</param>
    private int Room(DateTimeOffset now, out TimeSpan wait, out bool blocked)
    {
        wait = _engine.PollInterval;
        blocked = true;
        var inFlight = Volatile.Read(ref _inFlight);
        if (_paused)
        {
            return 0;
        }

        var heldUntil = new DateTimeOffset(Interlocked.Read(ref _heldUntilTicks), TimeSpan.Zero);
        if (now < heldUntil)
        {
            wait = Shorter(heldUntil - now, wait);
            return 0;
        }

        var open = _pace.Schedule.IsOpen(now, out var opens);
        Interlocked.Exchange(ref _scheduleOpensTicks, open ? 0 : opens.UtcTicks);
        if (!open)
        {
            wait = Shorter(opens - now, wait);
            return 0;
        }

        if (_pace.Rate is { } rate && rate.Available(out var nextToken) == 0)
        {
            blocked = false;
            wait = Shorter(nextToken, wait);
            return 0;
        }

        switch (_circuit.CircuitState)
        {
            case CircuitState.Isolated:
                return 0;
            case CircuitState.HalfOpen:
                // A probe is under way.
                blocked = false;
                return 0;
            case CircuitState.Open:
                var openUntil = new DateTimeOffset(Interlocked.Read(ref _circuitOpenUntilTicks), TimeSpan.Zero);
                if (now < openUntil)
                {
                    wait = Shorter(openUntil - now, wait);
                    return 0;
                }

                // The break is over: one send probes the destination; the breaker decides from it.
                blocked = false;
                return inFlight == 0 ? 1 : 0;
            default:
                blocked = false;
                return _limit.Current - inFlight;
        }
    }

    private async Task DrainAsync()
    {
        ReleaseReady(_time.GetUtcNow(), "Not sent: shutting down.");
        _stopping = true;
        if (Volatile.Read(ref _inFlight) == 0)
        {
            return;
        }

        // Let sends that are under way finish; those that do not are released to be sent again.
        var finished = await Task.WhenAny(_drained.Task, Task.Delay(ShutdownGrace, _time)) == _drained.Task;
        if (!finished)
        {
            await _abortSends.CancelAsync();
            await _drained.Task.WaitAsync(ShutdownGrace, _time).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

    private async Task SleepAsync(TimeSpan wait, CancellationToken stopping)
    {
        try
        {
            await _wake.WaitAsync(wait, _time, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private static TimeSpan Shorter(TimeSpan a, TimeSpan b) => a < b ? a : b;

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery loop for {Destination} failed; it will try again.")]
    private partial void LogLoopFailed(Exception exception, string destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Circuit to {Destination} opened for {Seconds} s.")]
    private partial void LogCircuitOpened(string destination, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Circuit to {Destination} closed: sending resumes.")]
    private partial void LogCircuitClosed(string destination);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} to {Destination} was dead-lettered: {Error}")]
    private partial void LogDeadLettered(string destination, Guid messageId, string? error);
}
