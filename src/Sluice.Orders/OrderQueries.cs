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

    /// <summary>A page's views in one journal read for all its live orders; populated history needs none.</summary>
    public async Task<List<OrderView>> ViewsAsync(List<OrderRow> rows, CancellationToken cancellationToken)
    {
        var live = rows.Where(row => row.MessageId is not null).Select(row => row.MessageId!.Value).ToList();
        var deliveries = await journal.GetDeliveriesAsync(live, cancellationToken);
        return [.. rows.Select(row => View(
            row, row.MessageId is { } messageId ? deliveries.GetValueOrDefault(messageId) : null, withDeliveries: false))];
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
