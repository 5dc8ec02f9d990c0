namespace Sluice.Orders.Storage;

/// <summary>One row of the orders table, as stored.</summary>
/// <param name="MessageId">The journal message that carries the order to processing; null for populated history.</param>
/// <param name="PriceMicros">The price in millionths: exact, and the same integer type on both engines.</param>
/// <param name="AcceptedAtMs">Unix milliseconds, like every instant in the journal.</param>
internal sealed record OrderRow(
    long Id,
    Guid? MessageId,
    string ClientOrderId,
    string Account,
    string Symbol,
    string Side,
    long Quantity,
    long PriceMicros,
    long AcceptedAtMs)
{
    public const decimal MicrosPerUnit = 1_000_000m;

    public decimal Price => PriceMicros / MicrosPerUnit;

    public static long ToMicros(decimal price) => (long)(price * MicrosPerUnit);
}
