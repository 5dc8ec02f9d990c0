namespace Sluice.LegacySimulator;

/// <summary>
/// How a real overloaded system behaves: <c>capacity</c> requests are worked on at once, up to <c>queueLimit</c>
/// more wait their turn (so latency grows with the queue), and only beyond that are requests refused.
/// Both numbers may change at run time; waiting requests are admitted first come, first served.
/// </summary>
internal sealed class AdmissionQueue
{
    private readonly Lock _gate = new();
    private readonly Queue<TaskCompletionSource> _waiting = new();
    private int _active;
    private int _maxActive;
    private int _maxQueued;

    public int Active
    {
        get
        {
            lock (_gate)
            {
                return _active;
            }
        }
    }

    public (int MaxActive, int MaxQueued) Peaks
    {
        get
        {
            lock (_gate)
            {
                return (_maxActive, _maxQueued);
            }
        }
    }

    /// <summary>A task that completes when the request may be worked on, or null when it must be refused.</summary>
    public Task? TryEnter(int capacity, int queueLimit)
    {
        lock (_gate)
        {
            if (_active < capacity && _waiting.Count == 0)
            {
                _active++;
                _maxActive = Math.Max(_maxActive, _active);
                return Task.CompletedTask;
            }

            if (_waiting.Count >= queueLimit)
            {
                return null;
            }

            var turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(turn);
            _maxQueued = Math.Max(_maxQueued, _waiting.Count);
            return turn.Task;
        }
    }

    /// <summary>Gives up a place in the queue (the client went away); false when it had already been admitted.</summary>
    public bool Abandon(Task turn)
    {
        lock (_gate)
        {
            var before = _waiting.Count;
            var kept = _waiting.Where(w => w.Task != turn).ToList();
            if (kept.Count == before)
            {
                return false;
            }

            _waiting.Clear();
            foreach (var waiter in kept)
            {
                _waiting.Enqueue(waiter);
            }

            return true;
        }
    }

    /// <summary>Frees a worker; the longest-waiting request takes it if the capacity allows.</summary>
    public void Leave(int capacity)
    {
        lock (_gate)
        {
            _active--;
            Admit(capacity);
        }
    }

    /// <summary>Admits waiting requests up to the capacity, after the capacity was raised.</summary>
    public void Admit(int capacity)
    {
        lock (_gate)
        {
            while (_active < capacity && _waiting.TryDequeue(out var next))
            {
                _active++;
                _maxActive = Math.Max(_maxActive, _active);
                next.TrySetResult();
            }
        }
    }

    public void ResetPeaks()
    {
        lock (_gate)
        {
            _maxActive = _active;
            _maxQueued = _waiting.Count;
        }
    }
}
