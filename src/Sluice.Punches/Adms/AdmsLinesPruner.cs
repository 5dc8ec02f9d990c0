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
    : PeriodicService(Interval, time)
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    protected override Task RunRoundAsync(CancellationToken cancellationToken) => PruneOnceAsync(cancellationToken);

    protected override void OnRoundFailed(Exception exception) => LogFailed(exception);

    public async Task<int> PruneOnceAsync(CancellationToken ct)
    {
        var cutoff = Time.GetUtcNow() - options.Value.MaxOfflineAge - Margin;
        var deleted = await store.PruneAsync(cutoff, ct);
        if (deleted > 0)
        {
            LogPruned(deleted, cutoff);
        }

        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Forgot {Count} ADMS punch identities of punches before {Cutoff:O} (past the offline window).")]
    private partial void LogPruned(int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pruning ADMS punch identities failed; will try again.")]
    private partial void LogFailed(Exception exception);
}
