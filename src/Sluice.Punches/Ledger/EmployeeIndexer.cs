using Microsoft.Extensions.Options;
using Sluice.Journal.Modules;
using Sluice.Punches.Storage;

namespace Sluice.Punches.Ledger;

/// <summary>
/// Moves punches from <c>punch_index_pending</c> into the by-employee index (<see cref="EmployeeIndex"/>) every
/// <see cref="PunchesOptions.EmployeeIndexInterval"/>, in chunks of <see cref="ChunkSize"/>, each chunk one
/// transaction that inserts in key order and deletes what it moved. At the 08:00 rush the pending rows pile up and are
/// moved in a few large sorted batches instead of a random page write per punch; reads see them either way.
/// </summary>
/// <remarks>Every node may run it: on PostgreSQL a chunk locks its pending rows (SKIP LOCKED), so two nodes move different ones.</remarks>
internal sealed partial class EmployeeIndexer(
    IJournalDatabase database, IOptions<PunchesOptions> options, TimeProvider time, ILogger<EmployeeIndexer> logger) : BackgroundService
{
    public const int ChunkSize = 10_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One delay at a time rather than a PeriodicTimer: a test clock moved forward by a month must wake this once,
        // not once for every interval in that month.
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.EmployeeIndexInterval, time, stoppingToken);
            try
            {
                await CatchUpAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
        }
    }

    /// <summary>Moves every pending punch into the index; returns how many it moved.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        long total = 0;
        int moved;
        do
        {
            moved = await database.WriteAsync(MoveChunkAsync, cancellationToken);
            total += moved;
        }
        while (moved == ChunkSize);

        return total;
    }

    private static Task<int> MoveChunkAsync(JournalSession session, CancellationToken ct) =>
        PunchSql.For(session.Engine).MoveToEmployeeIndexAsync(session, ChunkSize, ct);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Moving punches into the by-employee index failed; it will try again at its next interval (reads see them meanwhile).")]
    private partial void LogFailed(Exception exception);
}
