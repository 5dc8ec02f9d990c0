using System.ComponentModel.DataAnnotations;

namespace Sluice.Journal.GroupCommit;

/// <summary>Settings of the single writer that batches intake into few, large transactions.</summary>
public sealed class GroupCommitOptions
{
    /// <summary>Requests waiting for a commit beyond this are refused with 503: memory stays bounded under any burst.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Most messages committed in one transaction.</summary>
    [Range(1, 100_000)]
    public int MaxBatchSize { get; set; } = 4_000;

    /// <summary>What a refused client is told to wait before trying again.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(1);
}
