namespace Sluice.Journal.Background;

/// <summary>A sweep that deletes, each round, what has been kept longer than <see cref="KeepFor"/>, and says so when it deleted anything.</summary>
public abstract class PruningService(TimeSpan interval, TimeProvider time) : PeriodicService(interval, time)
{
    /// <summary>Prunes everything due now; returns how many rows were deleted.</summary>
    public async Task<long> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - KeepFor;
        var deleted = await DeleteBeforeAsync(cutoff, cancellationToken);
        if (deleted > 0)
        {
            OnPruned(deleted, cutoff);
        }

        return deleted;
    }

    /// <summary>How long rows are kept: a round deletes those from before now minus this.</summary>
    protected abstract TimeSpan KeepFor { get; }

    /// <summary>Deletes the rows from before <paramref name="cutoff"/>; returns how many.</summary>
    protected abstract Task<long> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);

    /// <summary>Reports a round that deleted <paramref name="count"/> rows.</summary>
    protected abstract void OnPruned(long count, DateTimeOffset cutoff);

    protected sealed override Task RunRoundAsync(CancellationToken cancellationToken) => PruneOnceAsync(cancellationToken);
}
