using System.Data.Common;
using Sluice.Journal.Modules;

namespace Sluice.Orders.Storage;

/// <summary>The orders table on PostgreSQL: message ids as uuid, rows inserted as one typed array per column through <c>unnest</c>.</summary>
internal sealed class PostgresOrderSql() : OrderSql(Steps)
{
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE {schema}.orders (
            id              bigint PRIMARY KEY,
            message_id      uuid   NULL,
            client_order_id text   NOT NULL,
            account         text   NOT NULL,
            symbol          text   NOT NULL,
            side            text   NOT NULL,
            quantity        bigint NOT NULL,
            price_micros    bigint NOT NULL,
            accepted_at     bigint NOT NULL
        )
        """,
        "CREATE INDEX ix_orders_accepted_at ON {schema}.orders (accepted_at, id)",
        "CREATE UNIQUE INDEX ix_orders_message ON {schema}.orders (message_id) WHERE message_id IS NOT NULL",
        "CREATE TABLE {schema}.order_ids (singleton int PRIMARY KEY CHECK (singleton = 1), last_id bigint NOT NULL)",
        "INSERT INTO {schema}.order_ids (singleton, last_id) VALUES (1, 0)",
    ];

    public override object MessageKey(Guid id) => id;

    public override async Task<List<string>> ExplainAsync(JournalSession session, string select, object[] values, CancellationToken cancellationToken)
    {
        // On a small table PostgreSQL rightly prefers reading it all; forbidding that shows the plan it has
        // for a big one, i.e. whether an index can answer the query in order (at 10M rows, with LIMIT, it does).
        await using (var planner = session.Command("SET enable_seqscan = off; SET enable_sort = off"))
        {
            await planner.ExecuteNonQueryAsync(cancellationToken);
        }

        List<string> plan;
        await using (var command = session.Command($"EXPLAIN {select}", values))
        {
            plan = await ReadPlanAsync(command, cancellationToken);
        }

        await using var reset = session.Command("RESET enable_seqscan; RESET enable_sort");
        await reset.ExecuteNonQueryAsync(cancellationToken);
        return plan;
    }

    /// <summary>One typed array per column through <c>unnest</c>, as the journal's own group commit does.</summary>
    protected override DbCommand InsertCommand(JournalSession session, IReadOnlyList<OrderRow> rows)
    {
        var n = rows.Count;
        var ids = new long[n];
        var messages = new Guid?[n];
        var clientIds = new string[n];
        var accounts = new string[n];
        var symbols = new string[n];
        var sides = new string[n];
        var quantities = new long[n];
        var prices = new long[n];
        var accepted = new long[n];
        for (var i = 0; i < n; i++)
        {
            var row = rows[i];
            (ids[i], messages[i], clientIds[i], accounts[i], symbols[i], sides[i], quantities[i], prices[i], accepted[i]) =
                (row.Id, row.MessageId, row.ClientOrderId, row.Account, row.Symbol, row.Side, row.Quantity, row.PriceMicros, row.AcceptedAtMs);
        }

        return session.Command(
            $"""
            INSERT INTO {session.Table("orders")} ({Columns})
            SELECT * FROM unnest(@p0::bigint[], @p1::uuid[], @p2::text[], @p3::text[], @p4::text[], @p5::text[], @p6::bigint[], @p7::bigint[], @p8::bigint[])
            """,
            ids, messages, clientIds, accounts, symbols, sides, quantities, prices, accepted);
    }
}
