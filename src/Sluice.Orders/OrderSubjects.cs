using System.Globalization;
using Sluice.Operations;
using Sluice.Orders.Storage;

namespace Sluice.Orders;

/// <summary>An order's dead letter is about the client's order: its id, and what it asked for.</summary>
internal sealed class OrderSubjects(OrderStore store) : IDeadLetterSubjectSource
{
    public string Kind => OrdersModule.Kind;

    public async Task<DeadLetterSubject?> DescribeAsync(Guid messageId, CancellationToken cancellationToken) =>
        await store.GetByMessageAsync(messageId, cancellationToken) is { } order
            ? new DeadLetterSubject(DeadLetterSubject.Order, order.ClientOrderId,
                string.Create(CultureInfo.InvariantCulture, $"{order.Account} · {order.Side} {order.Quantity} {order.Symbol}"))
            : null;
}
