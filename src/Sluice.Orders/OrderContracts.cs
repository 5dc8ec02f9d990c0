using System.Text.Json.Serialization;
using Sluice.Intake;

namespace Sluice.Orders;

/// <summary>An order as a client sends it.</summary>
/// <param name="ClientOrderId">The client's own id for the order, unique per account: a retry with the same id is the same order.</param>
/// <param name="Account">The trading account (letters, digits, '.', '_' or '-'; at most 32).</param>
/// <param name="Symbol">The instrument, e.g. <c>PETR4</c> or <c>AAPL</c> (1 to 12 upper-case letters, digits or '.').</param>
/// <param name="Side"><c>buy</c> or <c>sell</c>.</param>
/// <param name="Quantity">Units, 1 to 1,000,000,000.</param>
/// <param name="Price">Limit price per unit, above 0 and below 1,000,000,000, at most 6 decimal places.</param>
public sealed record OrderRequest(string? ClientOrderId, string? Account, string? Symbol, string? Side, long? Quantity, decimal? Price);

/// <summary>Proof that the order is stored: sent only after the commit.</summary>
public sealed record OrderReceipt(long Id, string ClientOrderId, DateTimeOffset AcceptedAt, string Status);

/// <summary>The order as stored in the journal and delivered to the processing destination.</summary>
/// <remarks><see cref="Id"/> is 0, and left out of the JSON, until the orders module numbers it inside the append transaction.</remarks>
public sealed record OrderMessage(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] long Id,
    string ClientOrderId, string Account, string Symbol, string Side, long Quantity, decimal Price, DateTimeOffset AcceptedAt);

/// <summary>What the orders module adds to an order's payload inside the commit.</summary>
public sealed record OrderNumber(long Id);

/// <summary>A stored order and how far its processing got.</summary>
/// <param name="Status"><c>stored</c>, <c>processing</c>, <c>processed</c> or <c>failed</c>.</param>
/// <param name="Deliveries">Per destination, only on <c>GET /api/orders/{id}</c>; absent for populated history.</param>
public sealed record OrderView(
    long Id,
    string ClientOrderId,
    string Account,
    string Symbol,
    string Side,
    long Quantity,
    decimal Price,
    DateTimeOffset AcceptedAt,
    string Status,
    IReadOnlyList<DeliveryView>? Deliveries = null);

/// <summary>A slice of orders; <see cref="Next"/> is the link to the following slice, absent at the end.</summary>
public sealed record OrderList(IReadOnlyList<OrderView> Orders, string? Next);

/// <summary>Page <see cref="Page"/> of <see cref="TotalPages"/>, for clients that page by number.</summary>
public sealed record OrderPage(
    int Page, int Size, long TotalOrders, long TotalPages, IReadOnlyList<OrderView> Orders, string? Next, string? Previous, string Last);

/// <summary>What <c>POST /api/orders/populate</c> did.</summary>
public sealed record PopulateResult(long Count, long FirstId, long LastId, double Seconds, double OrdersPerSecond);
