using Microsoft.Extensions.Options;
using Sluice.Journal.Background;

namespace Sluice.Punches.Adms;

/// <summary>
/// Forgets device punch identities once a line that old would be refused anyway (older than
/// <see cref="PunchesOptions.MaxOfflineAge"/>, with a day to spare for device clocks), so the table stays the size
/// of the offline window. Never sooner: that is what keeps a late re-send from storing a punch twice.
/// </summary>
internal sealed partial class AdmsLinesPruner(
    AdmsLinesStore store, IOptions<PunchesOptions> options, TimeProvider time, ILogger<AdmsLinesPruner> logger)
    : PruningService(Interval, time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    protected override TimeSpan KeepFor => options.Value.MaxOfflineAge + Margin;

    protected override async Task<long> DeleteBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        await store.PruneAsync(cutoff, cancellationToken);

    [LoggerMessage(EventName = "LogPruned", Level = LogLevel.Information, Message = "Forgot {Count} ADMS punch identities of punches before {Cutoff:O} (past the offline window).")]
    protected override partial void OnPruned(long count, DateTimeOffset cutoff);

    [LoggerMessage(EventName = "LogFailed", Level = LogLevel.Warning, Message = "Pruning ADMS punch identities failed; will try again.")]
    protected override partial void OnRoundFailed(Exception exception);
}
