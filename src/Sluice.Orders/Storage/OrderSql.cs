using System.Data.Common;
using System.Globalization;
using Sluice.Journal.Modules;

namespace Sluice.Orders.Storage;

/// <summary>
/// The orders table's SQL, one instance per engine (<see cref="For"/>): what both engines share is here, what differs
/// (the schema, the batch insert, how a message id is keyed, how a plan is asked for) in <see cref="SqliteOrderSql"/>
/// and <see cref="PostgresOrderSql"/>. Parameters are named <c>@pN</c>.
/// </summary>
/// <remarks>
/// Ids come from a one-row counter rather than a sequence or AUTOINCREMENT: the counter's update is part of
/// the transaction, so a rollback gives its numbers back and ids stay dense (1..N with no holes), which is
/// what lets page n be the id range ((n-1)*size, n*size] instead of an OFFSET scan. On PostgreSQL the update
/// row-locks the counter until commit, so nodes appending orders at once take numbers one transaction at a time.
/// accepted_at is indexed for time ranges; message_id is indexed only where set (live orders), so populated history
/// costs that index nothing.
/// </remarks>
/// <param name="migrations">The engine's schema steps (<see cref="Migrations"/>).</param>
internal abstract class OrderSql(IReadOnlyList<string> migrations)
{
    public const string Columns = "id, message_id, client_order_id, account, symbol, side, quantity, price_micros, accepted_at";

    private static readonly OrderSql Sqlite = new SqliteOrderSql();
    private static readonly OrderSql Postgres = new PostgresOrderSql();

    public static OrderSql For(JournalEngine engine) => engine == JournalEngine.Sqlite ? Sqlite : Postgres;

    /// <summary>The orders module's schema steps, oldest first: only append, a released step never changes.</summary>
    public IReadOnlyList<string> Migrations { get; } = migrations;

    /// <summary>
    /// Inserts <paramref name="rows"/> in one statement whose data travels as one or a few bulk parameters, so
    /// the per-row work happens inside the database engine rather than in per-value parameter binding (which
    /// costs Microsoft.Data.Sqlite microseconds per value: 10 million rows would take minutes on binding alone).
    /// </summary>
    public async Task InsertAsync(JournalSession session, IReadOnlyList<OrderRow> rows, CancellationToken cancellationToken)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var command = InsertCommand(session, rows);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>A message id as the orders table keeps it, to look it up by.</summary>
    public abstract object MessageKey(Guid id);

    /// <summary>How the engine would run <paramref name="select"/>, one line per step.</summary>
    public abstract Task<List<string>> ExplainAsync(JournalSession session, string select, object[] values, CancellationToken cancellationToken);

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

    protected abstract DbCommand InsertCommand(JournalSession session, IReadOnlyList<OrderRow> rows);

    /// <summary>The last column of every row a plan query returns: the step's text on both engines.</summary>
    protected static async Task<List<string>> ReadPlanAsync(DbCommand command, CancellationToken cancellationToken)
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var plan = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            plan.Add(reader.GetValue(reader.FieldCount - 1).ToString() ?? "");
        }

        return plan;
    }
}
