using System.Collections.Concurrent;

namespace Sluice.LegacySimulator;

/// <summary>The state of the simulated legacy system: what it was sent, what it applied, how loaded it is.</summary>
public sealed class SimulatedLegacySystem(SimulatorSettings settings, TimeProvider time, int requestLogLimit = 200_000)
{
    private readonly ConcurrentDictionary<string, byte> _applied = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ReceivedRequest> _log = new();
    private SimulatorSettings _settings = settings;
    private long _received;
    private long _duplicates;
    private long _rejected;
    private long _failed;
    private long _numbered;
    private int _inFlight;
    private int _maxInFlight;

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
    }

    public SimulatorStats Stats() => new(
        Interlocked.Read(ref _received),
        _applied.Count,
        Interlocked.Read(ref _duplicates),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _failed),
        Volatile.Read(ref _inFlight),
        Volatile.Read(ref _maxInFlight));

    public IReadOnlyCollection<string> AppliedKeys() => _applied.Keys.ToList();

    public IReadOnlyList<ReceivedRequest> Requests(long after, int limit) =>
        _log.Where(r => r.Number > after).Take(limit).ToList();

    public void Reset()
    {
        _applied.Clear();
        _log.Clear();
        Interlocked.Exchange(ref _received, 0);
        Interlocked.Exchange(ref _duplicates, 0);
        Interlocked.Exchange(ref _rejected, 0);
        Interlocked.Exchange(ref _failed, 0);
        Interlocked.Exchange(ref _maxInFlight, Volatile.Read(ref _inFlight));
    }

    internal void CountReceived() => Interlocked.Increment(ref _received);

    internal void CountRejected() => Interlocked.Increment(ref _rejected);

    internal void CountFailed() => Interlocked.Increment(ref _failed);

    /// <summary>Takes a place among the requests being worked on; false when it is full.</summary>
    internal bool TryEnter(int capacity)
    {
        var now = Interlocked.Increment(ref _inFlight);
        if (now > capacity)
        {
            Interlocked.Decrement(ref _inFlight);
            return false;
        }

        int seen;
        while ((seen = Volatile.Read(ref _maxInFlight)) < now && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        return true;
    }

    internal void Leave() => Interlocked.Decrement(ref _inFlight);

    /// <summary>Applies a request once per idempotency key; returns false when the key was applied before.</summary>
    internal bool Apply(string method, string path, string? key, IReadOnlyDictionary<string, string> headers, string body)
    {
        var first = key is null || _applied.TryAdd(key, 0);
        if (!first)
        {
            Interlocked.Increment(ref _duplicates);
        }

        _log.Enqueue(new ReceivedRequest(Interlocked.Increment(ref _numbered), time.GetUtcNow(), method, path, key, !first, headers, body));
        while (_log.Count > requestLogLimit && _log.TryDequeue(out _))
        {
        }

        return first;
    }
}
