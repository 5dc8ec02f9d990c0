using System.Collections.Concurrent;

namespace Sluice.LegacySimulator;

/// <summary>The state of the simulated legacy system: what it was sent, what it applied, how loaded it is.</summary>
/// <param name="requestLogLimit">Most requests the log keeps (the oldest go first).</param>
/// <param name="requestLogBytes">Most bytes of bodies and headers the log keeps (the oldest go first).</param>
public sealed class SimulatedLegacySystem(
    SimulatorSettings settings, TimeProvider time, int requestLogLimit = 100_000, long requestLogBytes = 64L * 1024 * 1024)
{
    private readonly ConcurrentDictionary<string, byte> _applied = new(StringComparer.Ordinal);
    private readonly RequestLog _log = new(requestLogLimit, requestLogBytes);
    private SimulatorSettings _settings = settings;
    private long _received;
    private long _duplicates;
    private long _rejected;
    private long _failed;
    private long _numbered;
    private readonly AdmissionQueue _admission = new();
    private readonly LatencyRecorder _latencies = new();

    public SimulatorSettings Settings => Volatile.Read(ref _settings);

    public TimeProvider Time => time;

    public void Configure(Func<SimulatorSettings, SimulatorSettings> change)
    {
        SimulatorSettings current, next;
        do
        {
            current = Volatile.Read(ref _settings);
            next = change(current);
        }
        while (Interlocked.CompareExchange(ref _settings, next, current) != current);
        _admission.Admit(next.Capacity);
    }

    public SimulatorStats Stats()
    {
        var (maxActive, maxQueued) = _admission.Peaks;
        var latency = _latencies.Percentiles(50, 99);
        return new(
            Interlocked.Read(ref _received),
            _applied.Count,
            Interlocked.Read(ref _duplicates),
            Interlocked.Read(ref _rejected),
            Interlocked.Read(ref _failed),
            _admission.Active,
            maxActive,
            maxQueued,
            latency[0],
            latency[1]);
    }

    public IReadOnlyCollection<string> AppliedKeys() => _applied.Keys.ToList();

    /// <summary>Requests after number <paramref name="after"/>, oldest first; credentials in them are redacted (<see cref="RequestLog.Redact"/>).</summary>
    public IReadOnlyList<ReceivedRequest> Requests(long after, int limit) => _log.After(after, limit);

    public void Reset()
    {
        _applied.Clear();
        _log.Clear();
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _duplicates, 0);
        Interlocked.Exchange(ref _rejected, 0);
        Interlocked.Exchange(ref _failed, 0);
        _admission.ResetPeaks();
        _latencies.Clear();
    }

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountRejected() => Interlocked.Increment(ref _rejected);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    /// <summary>Waits for a worker (queueing when all are busy); false when even the queue is full.</summary>
    internal async Task<bool> EnterAsync(CancellationToken cancellationToken)
    {
        var settings = Settings;
        var turn = _admission.TryEnter(settings.Capacity, settings.QueueLimit);
        if (turn is null)
        {
            return false;
        }

        try
        {
            await turn.WaitAsync(cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (!_admission.Abandon(turn))
        {
            // Admitted just as the client left: give the worker back.
            _admission.Leave(Settings.Capacity);
            throw;
        }
    }

    internal void Leave() => _admission.Leave(Settings.Capacity);

    internal void RecordLatency(TimeSpan elapsed) => _latencies.Record(elapsed);

    /// <summary>Applies a request once per idempotency key; returns false when the key was applied before.</summary>
    internal bool Apply(string method, string path, string? key, IReadOnlyDictionary<string, string> headers, string body)
    {
        var first = key is null || _applied.TryAdd(key, 0);
        if (!first)
        {
            Interlocked.Increment(ref _duplicates);
        }

        _log.Add(new ReceivedRequest(
            Interlocked.Increment(ref _numbered), time.GetUtcNow(), method, path, key, !first, RequestLog.Redacted(headers), body));

        return first;
    }
}
