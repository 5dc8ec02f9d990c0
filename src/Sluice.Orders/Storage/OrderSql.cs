using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Sluice.Journal.Modules;

namespace Sluice.Orders.Storage;

/// <summary>The orders table's SQL, the same text on both engines (parameters as <c>@pN</c>).</summary>
internal static class OrderSql
{
    public const string Columns = "id, message_id, client_order_id, account, symbol, side, quantity, price_micros, accepted_at";
    /// <summary>Takes <paramref name="count"/> numbers from the counter and returns the first.</summary>
    public static async Task<long> ReserveIdsAsync(JournalSession session, int count, CancellationToken cancellationToken)
    {
        await using var command = session.Command(
            $"UPDATE {session.Table("order_ids")} SET last_id = last_id + @p0 WHERE singleton = 1 RETURNING last_id", (long)count);
        var last = Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
        return last - count + 1;
    }

    public static async Task<long> LastIdAsync(JournalSession session, CancellationToken cancellationToken)
    {
        await using var command = session.Command($"SELECT last_id FROM {session.Table("order_ids")} WHERE singleton = 1");
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Inserts <paramref name="rows"/> in one statement whose data travels as one or a few bulk parameters, so
    /// the per-row work happens inside the database engine rather than in per-value parameter binding (which
    /// costs Microsoft.Data.Sqlite microseconds per value: 10 million rows would take minutes on binding alone).
    /// SQLite reads a JSON array of rows through json_each; PostgreSQL reads one typed array per column
    /// through unnest, as the journal's own group commit does.
    /// </summary>
    public static async Task InsertAsync(JournalSession session, IReadOnlyList<OrderRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = session.Engine == JournalEngine.Sqlite ? SqliteInsert(session, rows) : PostgresInsert(session, rows);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// A message id as the orders table keeps it: uuid on PostgreSQL; on SQLite the lower-case text form, written and
    /// looked up the same explicit way rather than through a provider's default binding of Guid.
    /// </summary>
    public static object MessageKey(JournalSession session, Guid id) => session.Engine == JournalEngine.Sqlite ? id.ToString("D") : id;

    public static OrderRow Read(DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.IsDBNull(1) ? null : reader.GetGuid(1),
        reader.GetString(2),
        reader.GetString(3),
        reader.GetString(4),
        reader.GetString(5),
        reader.GetInt64(6),
        reader.GetInt64(7),
        reader.GetInt64(8));

    private static DbCommand SqliteInsert(JournalSession session, IReadOnlyList<OrderRow> rows)
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
            FROM json_each(@p0)
            """,
            Encoding.UTF8.GetString(json.WrittenSpan));
    }

    private static DbCommand PostgresInsert(JournalSession session, IReadOnlyList<OrderRow> rows)
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
