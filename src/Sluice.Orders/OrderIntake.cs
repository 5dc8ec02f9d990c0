using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Journal.GroupCommit;
using Sluice.Orders.Storage;

namespace Sluice.Orders;

/// <summary>Turns a valid order into a journal message and waits for its commit, which numbers it.</summary>
internal sealed class OrderIntake(IMessageAppender appender, OrderStore store, IOptions<OrdersOptions> options, TimeProvider time)
{
    private const string IdempotencyScope = "orders";

    /// <summary>Destinations every order goes to; the first one's answer is the order's reply.</summary>
    public IReadOnlyList<string> Destinations => options.Value.Destinations;

    /// <param name="wait">The client's <c>Prefer: wait</c>, told the message's id before the append.</param>
    public async Task<(AppendOutcome Outcome, OrderReceipt? Receipt, AppendResult Result)> RecordAsync(
        OrderRequest request, CancellationToken cancellationToken, Replies.PendingWait? wait = null)
    {
        var now = time.GetUtcNow().TruncatedToMilliseconds();
        var order = new OrderMessage(
            0, request.ClientOrderId!, request.Account!, request.Symbol!, OrderValidator.NormalizeSide(request.Side)!,
            request.Quantity!.Value, request.Price!.Value, now);
        var message = Message(order, options.Value.Destinations);
        wait?.Listen(message.Id);
        var result = await appender.AppendAsync(message, cancellationToken);
        switch (result.Outcome)
        {
            case AppendOutcome.IdempotencyConflict:
                return (result.Outcome, null, result);
            case AppendOutcome.Stored:
                // The number was assigned inside the commit and comes back on the result.
                var id = result.Assigned as long? ?? throw new InvalidOperationException($"Order message {result.MessageId} was stored without its number.");
                return (result.Outcome, new OrderReceipt(id, order.ClientOrderId, result.ReceivedAt, OrderStatus.Stored), result);
            default:
                // A repeat: the original's row has been there since its commit.
                var row = await store.GetByMessageAsync(result.MessageId, cancellationToken)
                    ?? throw new InvalidOperationException($"Order message {result.MessageId} is stored without its order row.");
                return (result.Outcome, new OrderReceipt(row.Id, row.ClientOrderId, result.ReceivedAt, OrderStatus.Stored), result);
        }
    }

    /// <summary>
    /// The journal message for an order, serialised here without its number; the orders module numbers it inside the
    /// commit, adds the number to the payload and hands it back on the append result.
    /// </summary>
    internal static NewMessage Message(OrderMessage order, IReadOnlyList<string> destinations) => new(
        Guid.CreateVersion7(order.AcceptedAt),
        OrdersModule.Kind,
        JsonSerializer.SerializeToUtf8Bytes(order, OrdersJsonContext.Default.OrderMessage),
        "application/json",
        destinations,
        order.AcceptedAt)
    {
        Context = order,
        // The client's order id is the idempotency key, per account: a retry after a lost answer is the same order.
        Idempotency = new IdempotencyClaim(IdempotencyScope, $"{order.Account}\n{order.ClientOrderId}", Hash(order)),
    };

    /// <summary>What makes two requests "the same order": its normalised fields, not the JSON's spelling.</summary>
    private static byte[] Hash(OrderMessage order) => IdempotencyKeys.RequestHash(
        order.Account, order.ClientOrderId, order.Symbol, order.Side,
        order.Quantity.ToString(CultureInfo.InvariantCulture),
        OrderRow.ToMicros(order.Price).ToString(CultureInfo.InvariantCulture));
}
