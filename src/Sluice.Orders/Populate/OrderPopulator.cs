using System.Diagnostics;
using Microsoft.Extensions.Options;
using Sluice.Journal.Modules;
using Sluice.Orders.Storage;

namespace Sluice.Orders.Populate;

/// <summary>
/// Writes N generated orders straight into the orders table, in chunks of multi-row INSERTs, one transaction per
/// chunk. They are history for the queries, not work to deliver: no journal message, no processing.
/// </summary>
/// <remarks>
/// Each chunk commits whole, with its ids, or not at all; a populate cancelled half-way (the client went away)
/// leaves the chunks already committed, still numbered without gaps.
/// </remarks>
public sealed partial class OrderPopulator(
    IJournalDatabase database, IOptions<OrdersOptions> options, TimeProvider time, ILogger<OrderPopulator> logger)
{
    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(5);

    public async Task<PopulateResult> PopulateAsync(long count, int? seed, CancellationToken cancellationToken)
    {
        var chunk = options.Value.PopulateChunkSize;
        var started = time.GetTimestamp();
        var now = time.GetUtcNow().ToUnixTimeMilliseconds();
        var orders = new FakeOrders(seed ?? Random.Shared.Next(), now - (count * FakeOrders.SpacingMs));
        LogStarted(count, chunk);

        long written = 0, firstId = 0, lastId = 0;
        var lastReport = started;

        // The next chunk is generated on another thread while this one is written: generating is CPU, writing is mostly I/O.
        var next = Task.Run(() => orders.Next((int)Math.Min(chunk, count)), cancellationToken);
        while (written < count)
        {
            var batch = await next;
            written += batch.Length;
            if (written < count)
            {
                var size = (int)Math.Min(chunk, count - written);
                next = Task.Run(() => orders.Next(size), cancellationToken);
            }

            var first = await database.WriteAsync((session, ct) => WriteChunkAsync(session, batch, ct), cancellationToken);
            firstId = firstId == 0 ? first : firstId;
            lastId = first + batch.Length - 1;

            if ((time.GetElapsedTime(lastReport) >= ProgressEvery || written == count) && logger.IsEnabled(LogLevel.Information))
            {
                lastReport = time.GetTimestamp();
                var elapsed = time.GetElapsedTime(started).TotalSeconds;
#pragma warning disable CA1873 // guarded by IsEnabled above; the analyzer misses guards around [LoggerMessage] calls (dotnet/sdk#50893)
                LogProgress(written, count, 100.0 * written / count, written / Math.Max(elapsed, 0.001));
#pragma warning restore CA1873
            }
        }

        var seconds = time.GetElapsedTime(started).TotalSeconds;
        var result = new PopulateResult(count, firstId, lastId, Math.Round(seconds, 3), Math.Round(count / Math.Max(seconds, 0.001)));
        LogFinished(count, seconds, firstId, lastId);
        return result;
    }

    private static async Task<long> WriteChunkAsync(JournalSession session, FakeOrder[] batch, CancellationToken cancellationToken)
    {
        var first = await OrderSql.ReserveIdsAsync(session, batch.Length, cancellationToken);
        var rows = new OrderRow[batch.Length];
        for (var i = 0; i < batch.Length; i++)
        {
            var o = batch[i];
            rows[i] = new OrderRow(first + i, null, o.ClientOrderId, o.Account, o.Symbol, o.Side, o.Quantity, o.PriceMicros, o.AcceptedAtMs);
        }

        await OrderSql.For(session.Engine).InsertAsync(session, rows, cancellationToken);
        return first;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Populating {Count} orders, {Chunk} per transaction.")]
    private partial void LogStarted(long count, int chunk);

    [LoggerMessage(Level = LogLevel.Information, Message = "Populated {Written} of {Count} orders ({Percent:0.0} %), {PerSecond:0} orders/s.")]
    private partial void LogProgress(long written, long count, double percent, double perSecond);

    [LoggerMessage(Level = LogLevel.Information, Message = "Populated {Count} orders in {Seconds:0.00} s: ids {FirstId} to {LastId}.")]
    private partial void LogFinished(long count, double seconds, long firstId, long lastId);
}
