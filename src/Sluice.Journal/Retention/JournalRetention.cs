using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sluice.Journal.Background;

namespace Sluice.Journal.Retention;

/// <summary>Deletes finished messages once they are older than <see cref="RetentionOptions.KeepFor"/>, a chunk at a time.</summary>
/// <remarks>Every node may run it: chunks are separate transactions, and a row deleted by one node is simply not found by another.</remarks>
public sealed partial class JournalRetention(
    IJournal journal, IOptions<RetentionOptions> options, TimeProvider time, ILogger<JournalRetention> logger)
    : PeriodicService(options.Value.Interval, time)
{
    private readonly RetentionOptions _options = options.Value;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _options.Enabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => PruneOnceAsync(cancellationToken);

    protected override void OnRoundFailed(Exception exception) => LogFailed(exception);

    /// <summary>Prunes everything due now; returns how many messages were deleted.</summary>
    public async Task<long> PruneOnceAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - _options.KeepFor;
        long total = 0;
        int deleted;
        do
        {
            deleted = await journal.PruneAsync(cutoff, _options.BatchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == _options.BatchSize);

        if (total > 0)
        {
            LogPruned(total, cutoff);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} messages finished before {Cutoff:O}.")]
    private partial void LogPruned(long count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention failed; it will try again at its next interval.")]
    private partial void LogFailed(Exception exception);
}
