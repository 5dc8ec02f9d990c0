using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sluice.Journal.Background;

namespace Sluice.Journal.Retention;

/// <summary>Deletes finished messages once they are older than <see cref="RetentionOptions.KeepFor"/>, a chunk at a time.</summary>
/// <remarks>Every node may run it: chunks are separate transactions, and a row deleted by one node is simply not found by another.</remarks>
public sealed partial class JournalRetention(
    IJournal journal, IOptions<RetentionOptions> options, TimeProvider time, ILogger<JournalRetention> logger)
    : PruningService(options.Value.Interval, time)
{
    private readonly RetentionOptions _options = options.Value;

    protected override TimeSpan KeepFor => _options.KeepFor;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        _options.Enabled ? base.ExecuteAsync(stoppingToken) : Task.CompletedTask;

    /// <summary>A chunk at a time, until a chunk comes back short.</summary>
    protected override async Task<long> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        long total = 0;
        int deleted;
        do
        {
            deleted = await journal.PruneAsync(cutoff, _options.BatchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == _options.BatchSize);

        return total;
    }

    [LoggerMessage(EventName = "LogPruned", Level = LogLevel.Information, Message = "Retention deleted {Count} messages finished before {Cutoff:O}.")]
    protected override partial void OnPruned(long count, DateTimeOffset cutoff);

    [LoggerMessage(EventName = "LogFailed", Level = LogLevel.Warning, Message = "Retention failed; it will try again at its next interval.")]
    protected override partial void OnRoundFailed(Exception exception);
}
