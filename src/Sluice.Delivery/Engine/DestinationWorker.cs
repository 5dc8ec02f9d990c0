using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Delivers one destination's messages: asks the <see cref="SendGate"/> how many may start, takes them from what
/// <see cref="LeaseAhead"/> leased, sends each request with the <see cref="RequestSender"/> and hands its outcomes to the
/// <see cref="OutcomeWriter"/>. One per destination per node.
/// </summary>
internal sealed partial class DestinationWorker : IDisposable
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);

    private readonly string _name;
    private readonly string _sinkKind;
    private readonly TimeSpan _pollInterval;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SendGate _gate;
    private readonly LeaseAhead _ahead;
    private readonly RequestSender _sender;
    private readonly OutcomeWriter _writer;
    private readonly WakeSignal _wake = new();
    private readonly CancellationTokenSource _abortSends = new();
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
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
        _sinkKind = options.Sink;
        _pollInterval = engine.PollInterval;
        _time = time;
        _logger = logger;
        _gate = new SendGate(pace, new CircuitMirror(), engine.PollInterval);
        _sender = new RequestSender(name, options, sink, pace, _gate, time, logger, _wake.Set);
        var owner = $"{engine.NodeId ?? $"{Environment.MachineName}:{Environment.ProcessId}"}/{name}";
        _ahead = new LeaseAhead(journal, name, owner, _sender.BatchSize, engine);
        _writer = new OutcomeWriter(name, recorder, logger);
    }

    public string Name => _name;

    public void Wake() => _wake.Set();

    public void Pause() => _gate.Pause();

    public void Resume()
    {
        _gate.Resume();
        _wake.Set();
    }

    public DestinationStatus Status()
    {
        var now = _time.GetUtcNow();
        var circuit = _gate.Circuit;
        return new DestinationStatus(
            _name,
            _sinkKind,
            _gate.Limit,
            Volatile.Read(ref _inFlight),
            circuit.Name,
            _gate.Paused,
            _gate.HeldUntil > now ? _gate.HeldUntil : null,
            _gate.ClosedUntil,
            circuit.State == CircuitState.Open && circuit.OpenUntil > now ? circuit.OpenUntil : null)
        {
            Latency = _sender.Latency.Summary(),
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
                await SleepAsync(_pollInterval, stopping);
            }
        }

        await DrainAsync();
    }

    /// <summary>Called when the engine is disposed, after the host stopped it: sends have finished or were aborted.</summary>
    public void Dispose() => _abortSends.Dispose();

    private async Task LeaseAndSendAsync(CancellationToken stopping)
    {
        var now = _time.GetUtcNow();
        var answer = _gate.Ask(now, Volatile.Read(ref _inFlight));
        if (answer.Room <= 0)
        {
            if (answer.Blocked)
            {
                // Paused, held or broken: work leased ahead goes back now instead of waiting out its lease.
                _writer.Release(_ahead.TakeAll(), now, "Not sent: the destination is paused, held or its circuit is open.");
            }

            await SleepAsync(answer.Wait, stopping);
            return;
        }

        if (_ahead.IsEmpty && !await _ahead.LeaseAsync(answer.Ahead, now, stopping))
        {
            _gate.OnDrained();
            await SleepAsync(await _ahead.UntilNextDueAsync(_time, stopping), stopping);
            return;
        }

        // Each request (one message, or a batch of up to Batch:Size) takes one slot and one token.
        for (var room = answer.Room; room > 0 && !_ahead.IsEmpty && _gate.TryTakeToken(); room--)
        {
            if (!_ahead.TryTakeRequest(now, out var request))
            {
                break;
            }

            Interlocked.Increment(ref _inFlight);
            _ = SendAsync(request);
        }
    }

    private async Task SendAsync(LeasedDelivery[] request)
    {
        var outcomes = await _sender.SendAsync(request, Volatile.Read(ref _inFlight), _abortSends.Token);
        _writer.Record(request, outcomes);
        if (Interlocked.Decrement(ref _inFlight) == 0 && _stopping)
        {
            _drained.TrySetResult();
        }

        _wake.Set();
    }

    private async Task DrainAsync()
    {
        _writer.Release(_ahead.TakeAll(), _time.GetUtcNow(), "Not sent: shutting down.");
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Delivery loop for {Destination} failed; it will try again.")]
    private partial void LogLoopFailed(Exception exception, string destination);
}
