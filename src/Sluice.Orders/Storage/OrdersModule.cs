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

    public IReadOnlyList<string> Migrations(JournalEngine engine) => OrderSql.For(engine).Migrations;

    public bool Handles(string kind) => kind == Kind;

    public async ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken)
    {
        // Only orders intake checked carry one; anything else of this kind (a tool's) is left as it is, and takes no number.
        var orders = new List<(int Index, OrderMessage Order)>();
        for (var i = 0; i < messages.Count; i++)
        {
            if (messages[i].Kind == Kind && messages[i].Context is OrderMessage order)
            {
                orders.Add((i, order));
            }
        }

        if (orders.Count == 0)
        {
            return;
        }

        var next = await OrderSql.ReserveIdsAsync(session, orders.Count, cancellationToken);
        var rows = new List<OrderRow>(orders.Count);
        foreach (var (index, order) in orders)
        {
            // Intake serialised the order without its number; only the number is written here.
            var id = next++;
            messages[index] = messages[index] with
            {
                Payload = JsonObjects.Join(JsonSerializer.SerializeToUtf8Bytes(new OrderNumber(id), OrdersJsonContext.Default.OrderNumber), messages[index].Payload.Span),
                Assigned = id,
            };
            rows.Add(new OrderRow(
                id, messages[index].Id, order.ClientOrderId, order.Account, order.Symbol, order.Side, order.Quantity,
                OrderRow.ToMicros(order.Price), UnixTime.ToMs(order.AcceptedAt)));
        }

        await OrderSql.For(session.Engine).InsertAsync(session, rows, cancellationToken);
    }
}
