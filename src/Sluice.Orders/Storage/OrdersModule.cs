using System.Text.Json;
using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;

namespace Sluice.Orders.Storage;

/// <summary>
/// Owns the orders table in the journal's database. Each order message gets its number inside the append
/// transaction, so the row, the number and the message commit together or not at all: no order is ever
/// acknowledged without its row, and no number is ever used by a batch that rolled back.
/// </summary>
internal sealed class OrdersModule : IJournalModule
{
    public const string Kind = "order";

    public string Name => "orders";

    public IReadOnlyList<string> Migrations(JournalEngine engine) => engine == JournalEngine.Sqlite ? SqliteSteps : PostgresSteps;

    public bool Handles(string kind) => kind == Kind;

    public async ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken)
    {
        var count = 0;
        for (var i = 0; i < messages.Count; i++)
        {
            count += messages[i].Context is OrderMessage ? 1 : 0;
        }

        if (count == 0)
        {
            return;
        }

        var next = await OrderSql.ReserveIdsAsync(session, count, cancellationToken);
        var rows = new List<OrderRow>(count);
        for (var i = 0; i < messages.Count; i++)
        {
            // Only orders intake checked carry one; anything else of this kind (a tool's) is left as it is.
            if (messages[i].Kind != Kind || messages[i].Context is not OrderMessage order)
            {
                continue;
            }

            // Intake serialised the order without its number; only the number is written here.
            var id = next++;
            messages[i] = messages[i] with
            {
                Payload = JsonObjects.Join(JsonSerializer.SerializeToUtf8Bytes(new OrderNumber(id), OrdersJsonContext.Default.OrderNumber), messages[i].Payload.Span),
                Assigned = id,
            };
            rows.Add(new OrderRow(
                id, messages[i].Id, order.ClientOrderId, order.Account, order.Symbol, order.Side, order.Quantity,
                OrderRow.ToMicros(order.Price), UnixTime.ToMs(order.AcceptedAt)));
        }

        await OrderSql.InsertAsync(session, rows, cancellationToken);
    }

    // Ids come from a one-row counter rather than a sequence or AUTOINCREMENT: the counter's update is part of
    // the transaction, so a rollback gives its numbers back and ids stay dense (1..N with no holes), which is
    // what lets page n be the id range ((n-1)*size, n*size] instead of an OFFSET scan. On PostgreSQL the update
    // row-locks the counter until commit, so nodes appending orders at once take numbers one transaction at a time.
    // accepted_at is indexed for time ranges; on SQLite the index ends with the rowid (the id) implicitly,
    // so it serves ORDER BY accepted_at, id as it stands. message_id is indexed only where set (live orders),
    // so populated history costs that index nothing.
    private static readonly string[] SqliteSteps =
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

    private static readonly string[] PostgresSteps =
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
}
