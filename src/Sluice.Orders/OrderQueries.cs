using Sluice.Intake;
using Sluice.Journal;
using Sluice.Orders.Storage;

namespace Sluice.Orders;

/// <summary>Orders as the API shows them: the table's rows with their status from the journal.</summary>
internal sealed class OrderQueries(OrderStore store, IJournal journal)
{
    public OrderStore Store => store;

    public async Task<OrderView?> GetAsync(long id, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(id, cancellationToken) is not { } row)
        {
            return null;
        }

        var message = row.MessageId is { } messageId ? await journal.GetMessageAsync(messageId, cancellationToken) : null;
        return View(row, message?.Deliveries, withDeliveries: true);
    }

    /// <summary>Populated history needs no journal read; live orders cost one indexed read each.</summary>
    public async Task<List<OrderView>> ViewsAsync(List<OrderRow> rows, CancellationToken cancellationToken)
    {
        var views = new List<OrderView>(rows.Count);
        foreach (var row in rows)
        {
            var message = row.MessageId is { } messageId ? await journal.GetMessageAsync(messageId, cancellationToken) : null;
            views.Add(View(row, message?.Deliveries, withDeliveries: false));
        }

        return views;
    }

    private static OrderView View(OrderRow row, IReadOnlyList<DeliveryRecord>? deliveries, bool withDeliveries) => new(
        row.Id,
        row.ClientOrderId,
        row.Account,
        row.Symbol,
        row.Side,
        row.Quantity,
        row.Price,
        Journal.Relational.UnixTime.FromMs(row.AcceptedAtMs),
        OrderStatus.From(deliveries),
        withDeliveries && deliveries is not null ? DeliveryViews.From(deliveries) : null);
}
