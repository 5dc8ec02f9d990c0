namespace Sluice.Delivery.Engine;

/// <summary>An auto-reset signal with a timeout measured on a <see cref="TimeProvider"/>.</summary>
/// <remarks>A <see cref="Set"/> that arrives while nobody waits is remembered, so a wake-up between
/// "found nothing" and "start waiting" is never lost.</remarks>
internal sealed class WakeSignal
{
    private TaskCompletionSource _signal = NewSource();

    public void Set() => Volatile.Read(ref _signal).TrySetResult();

    /// <returns>True when woken, false when the timeout passed.</returns>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var current = Volatile.Read(ref _signal);
        if (!current.Task.IsCompleted && timeout > TimeSpan.Zero)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(timeout, time, timer.Token);
            await Task.WhenAny(current.Task, delay);
            await timer.CancelAsync();
            cancellationToken.ThrowIfCancellationRequested();
        }

        if (!current.Task.IsCompleted)
        {
            return false;
        }

        Interlocked.CompareExchange(ref _signal, NewSource(), current);
        return true;
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
