using Sluice.Journal;

namespace Sluice.Intake;

/// <summary>How a message's delivery records read in API answers.</summary>
internal static class DeliveryViews
{
    public static IReadOnlyList<DeliveryView> From(IEnumerable<DeliveryRecord> deliveries) => deliveries
        .Select(d => new DeliveryView(d.Destination, StateName(d.State), d.Attempts, d.LastAttemptAt, d.NextAttemptAt, d.CompletedAt, d.LastError))
        .ToList();

    /// <summary>One word for the whole message: the least finished of its deliveries wins.</summary>
    public static string OverallStatus(IReadOnlyList<DeliveryRecord> deliveries)
    {
        if (deliveries.Any(d => d.State == DeliveryState.Dead))
        {
            return "dead-lettered";
        }

        if (deliveries.Any(d => d.State == DeliveryState.InFlight))
        {
            return "delivering";
        }

        if (deliveries.Any(d => d.State == DeliveryState.Pending && d.Attempts > 0))
        {
            return "retrying";
        }

        if (deliveries.Any(d => d.State == DeliveryState.Pending))
        {
            return "stored";
        }

        return deliveries.All(d => d.State == DeliveryState.Discarded) ? "discarded" : "delivered";
    }

    public static string StateName(DeliveryState state) => state switch
    {
        DeliveryState.Pending => "pending",
        DeliveryState.InFlight => "in-flight",
        DeliveryState.Delivered => "delivered",
        DeliveryState.Dead => "dead",
        _ => "discarded",
    };
}

/// <summary>One destination's delivery of a message.</summary>
public sealed record DeliveryView(
    string Destination,
    string State,
    int Attempts,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt,
    string? LastError);
