using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Tells a request that waits for its message's answer (<c>Prefer: wait</c>) when the delivery it waits for is
/// finished, in this process, keyed by message id. The waiting request only listens: it never holds the send or its
/// slot, so a client that waits costs the legacy system nothing more than one that does not.
/// </summary>
/// <remarks>
/// Only outcomes recorded by this node are heard. With several nodes the send may happen on another one; the
/// waiter then reads the journal once its wait is over (see the host's reply waiter).
/// </remarks>
public sealed class FinishedDeliveries
{
    private readonly Dictionary<(Guid, string), Listener> _listeners = [];
    private int _count;

    /// <summary>Starts listening for the delivery of a message to a destination; dispose the listener to stop.</summary>
    public Listener Listen(Guid messageId, string destination)
    {
        var key = (messageId, destination);
        lock (_listeners)
        {
            if (_listeners.TryGetValue(key, out var shared))
            {
                shared.Holders++;
                return shared;
            }

            var listener = new Listener(this, key);
            _listeners[key] = listener;
            Volatile.Write(ref _count, _listeners.Count);
            return listener;
        }
    }

    /// <summary>Raised, once committed, for each finished delivery that kept an answer (for the dashboard).</summary>
    public event Action<DeliveryOutcome>? Answered;

    /// <summary>Called once outcomes are committed, so what a waiter is told is what a poll would read.</summary>
    internal void Publish(IReadOnlyList<DeliveryOutcome> committed)
    {
        if (Answered is { } answered)
        {
            foreach (var outcome in committed)
            {
                if (outcome.Reply is not null && outcome.Kind is OutcomeKind.Delivered or OutcomeKind.DeadLetter)
                {
                    answered(outcome);
                }
            }
        }

        // The common case, nobody waiting, costs one read.
        if (Volatile.Read(ref _count) == 0)
        {
            return;
        }

        foreach (var outcome in committed)
        {
            if (outcome.Kind is not (OutcomeKind.Delivered or OutcomeKind.DeadLetter))
            {
                continue;
            }

            Listener? listener;
            lock (_listeners)
            {
                _listeners.TryGetValue((outcome.MessageId, outcome.Destination), out listener);
            }

            listener?.Finished.TrySetResult(outcome);
        }
    }

    private void Release(Listener listener)
    {
        lock (_listeners)
        {
            if (--listener.Holders == 0)
            {
                _listeners.Remove(listener.Key);
                Volatile.Write(ref _count, _listeners.Count);
            }
        }
    }

    /// <summary>One message's delivery listened for; shared by requests waiting on the same message (repeats).</summary>
    public sealed class Listener : IDisposable
    {
        private readonly FinishedDeliveries _owner;

        internal Listener(FinishedDeliveries owner, (Guid, string) key)
        {
            _owner = owner;
            Key = key;
        }

        internal (Guid, string) Key { get; }

        internal int Holders { get; set; } = 1;

        internal TaskCompletionSource<DeliveryOutcome> Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes with the outcome that finished the delivery (delivered or dead-lettered).</summary>
        public Task<DeliveryOutcome> Outcome => Finished.Task;

        public void Dispose() => _owner.Release(this);
    }
}
