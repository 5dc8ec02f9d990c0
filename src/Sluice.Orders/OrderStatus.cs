using Sluice.Journal;

namespace Sluice.Orders;

/// <summary>
/// An order's status, read from the journal's delivery state rather than kept in the orders table: the
/// delivery engine already records every step durably, so a second copy could only drift from it, and the
/// engine stays ignorant of orders.
/// </summary>
internal static class OrderStatus
{
    public const string Stored = "stored";
    public const string Processing = "processing";
    public const string Processed = "processed";
    public const string Failed = "failed";

    /// <param name="deliveries">The order message's deliveries; null when the journal no longer has the message.</param>
    /// <remarks>
    /// Retention deletes a message only once every destination delivered or discarded it, so a missing message
    /// was processed. Populated orders never had a message: they are history, counted as processed too.
    /// A retry waiting for its next attempt is still processing; dead-lettered or discarded is failed.
    /// </remarks>
    public static string From(IReadOnlyList<DeliveryRecord>? deliveries)
    {
        if (deliveries is null || deliveries.All(d => d.State == DeliveryState.Delivered))
        {
            return Processed;
        }

        if (deliveries.Any(d => d.State is DeliveryState.Dead or DeliveryState.Discarded))
        {
            return Failed;
        }

        return deliveries.Any(d => d.State == DeliveryState.InFlight || d.Attempts > 0 || d.State == DeliveryState.Delivered)
            ? Processing
            : Stored;
    }
}
