using System.Buffers;
using System.Data.Common;
using System.Text;
using System.Text.Json;
using Sluice.Journal.Modules;

namespace Sluice.Orders.Storage;

/// <summary>The orders table on SQLite: ids as <c>INTEGER PRIMARY KEY</c> (the rowid), message ids as text, rows inserted through <c>json_each</c>.</summary>
internal sealed class SqliteOrderSql() : OrderSql(Steps)
{
    // The accepted_at index ends with the rowid (the id) implicitly, so it serves ORDER BY accepted_at, id as it stands.
    private static readonly string[] Steps =
    [
        """
        CREATE TABLE {schema}.orders (
            id              INTEGER PRIMARY KEY,
            message_id      TEXT    NULL,
            client_order_id TEXT    NOT NULL,
            account         TEXT    NOT NULL,
            symbol          TEXT    NOT NULL,
            side            TEXT    NOT NULL,
            quantity        INTEGER NOT NULL,
            price_micros    INTEGER NOT NULL,
            accepted_at     INTEGER NOT NULL
        )
        """,
        "CREATE INDEX {schema}.ix_orders_accepted_at ON orders (accepted_at)",
        "CREATE UNIQUE INDEX {schema}.ix_orders_message ON orders (message_id) WHERE message_id IS NOT NULL",
        "CREATE TABLE {schema}.order_ids (singleton INTEGER PRIMARY KEY CHECK (singleton = 1), last_id INTEGER NOT NULL)",
        "INSERT INTO {schema}.order_ids (singleton, last_id) VALUES (1, 0)",
    ];

    /// <summary>
    /// The lower-case text form, written and looked up the same explicit way rather than through the provider's
    /// default binding of Guid.
    /// </summary>
    public override object MessageKey(Guid id) => id.ToString("D");

    public override async Task<List<string>> ExplainAsync(JournalSession session, string select, object[] values, CancellationToken cancellationToken)
    {
        await using var command = session.Command($"EXPLAIN QUERY PLAN {select}", values);
        return await ReadPlanAsync(command, cancellationToken);
    }

    /// <summary>The rows as one JSON array, each row an array of its columns, expanded by <c>json_each</c>.</summary>
    protected override DbCommand InsertCommand(JournalSession session, IReadOnlyList<OrderRow> rows)
    {
        var json = new ArrayBufferWriter<byte>(rows.Count * 96);
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStartArray();
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                writer.WriteNumberValue(row.Id);
                if (row.MessageId is { } id)
                {
                    writer.WriteStringValue(id.ToString("D"));
                }
                else
                {
                    writer.WriteNullValue();
                }

                writer.WriteStringValue(row.ClientOrderId);
                writer.WriteStringValue(row.Account);
                writer.WriteStringValue(row.Symbol);
                writer.WriteStringValue(row.Side);
                writer.WriteNumberValue(row.Quantity);
                writer.WriteNumberValue(row.PriceMicros);
                writer.WriteNumberValue(row.AcceptedAtMs);
                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        return session.Command(
            $"""
            INSERT INTO {session.Table("orders")} ({Columns})
            SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8
            FROM jsonb_each(@p0)
            """,
            Encoding.UTF8.GetString(json.WrittenSpan));
    }
}
