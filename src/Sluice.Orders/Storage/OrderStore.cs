using Sluice.Journal.Modules;

namespace Sluice.Orders.Storage;

/// <summary>
/// Reads the orders table. Every query is a range on the primary key or on the accepted_at index, read in
/// index order and cut by LIMIT, so its cost depends on the rows returned, not on the table's size: there is
/// no OFFSET anywhere (page n is an id range because ids are dense).
/// </summary>
internal sealed class OrderStore(IJournalDatabase database)
{
    private readonly OrderSql _sql = OrderSql.For(database.Engine);

    internal const string ById = "WHERE id = @p0";
    internal const string ByMessage = "WHERE message_id = @p0";
    internal const string After = "WHERE id > @p0 ORDER BY id LIMIT @p1";
    internal const string IdRange = "WHERE id >= @p0 AND id <= @p1 ORDER BY id LIMIT @p2";
    internal const string AcceptedBetween =
        "WHERE accepted_at >= @p0 AND accepted_at < @p1 AND (accepted_at > @p0 OR id > @p2) ORDER BY accepted_at, id LIMIT @p3";

    public Task<OrderRow?> GetAsync(long id, CancellationToken cancellationToken) =>
        SingleAsync(ById, id, cancellationToken);

    public Task<OrderRow?> GetByMessageAsync(Guid messageId, CancellationToken cancellationToken) =>
        database.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command($"SELECT {OrderSql.Columns} FROM {session.Table("orders")} {ByMessage}", _sql.MessageKey(messageId));
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? OrderSql.Read(reader) : null;
        }, cancellationToken);

    /// <summary>Orders with ids above <paramref name="after"/>, in id order.</summary>
    public Task<List<OrderRow>> AfterAsync(long after, int limit, CancellationToken cancellationToken) =>
        ListAsync(After, [after, limit], cancellationToken);

    /// <summary>Orders with ids in [<paramref name="fromId"/>, <paramref name="toId"/>], in id order.</summary>
    public Task<List<OrderRow>> IdRangeAsync(long fromId, long toId, int limit, CancellationToken cancellationToken) =>
        ListAsync(IdRange, [fromId, toId, limit], cancellationToken);

    /// <summary>
    /// Orders accepted in [<paramref name="fromMs"/>, <paramref name="toMs"/>), in (accepted_at, id) order, skipping
    /// those accepted exactly at <paramref name="fromMs"/> with an id up to <paramref name="afterId"/>: the keyset
    /// cursor of the previous slice, since ids and times need not agree (populated history is back-dated).
    /// </summary>
    public Task<List<OrderRow>> AcceptedBetweenAsync(long fromMs, long toMs, long afterId, int limit, CancellationToken cancellationToken) =>
        ListAsync(
            AcceptedBetween,
            [fromMs, toMs, afterId, limit],
            cancellationToken);

    /// <summary>The highest id, which with dense ids is also how many orders there are.</summary>
    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        database.ReadAsync(static (session, ct) => OrderSql.LastIdAsync(session, ct), cancellationToken);

    /// <summary>How the engine would run one of the queries above, one line per step (tests check each is index-backed).</summary>
    public Task<List<string>> ExplainAsync(string where, object[] values, CancellationToken cancellationToken) =>
        database.ReadAsync(
            (session, ct) => _sql.ExplainAsync(session, $"SELECT {OrderSql.Columns} FROM {session.Table("orders")} {where}", values, ct),
            cancellationToken);

    private async Task<OrderRow?> SingleAsync(string where, object value, CancellationToken cancellationToken) =>
        (await ListAsync(where, [value], cancellationToken)).FirstOrDefault();

    private Task<List<OrderRow>> ListAsync(string where, object[] values, CancellationToken cancellationToken) =>
        database.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command($"SELECT {OrderSql.Columns} FROM {session.Table("orders")} {where}", values);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = new List<OrderRow>();
            while (await reader.ReadAsync(ct))
            {
                rows.Add(OrderSql.Read(reader));
            }

            return rows;
        }, cancellationToken);
}
