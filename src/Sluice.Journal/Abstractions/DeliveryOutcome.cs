namespace Sluice.Journal;

public enum OutcomeKind
{
    /// <summary>The destination accepted it: done.</summary>
    Delivered,

    /// <summary>A transient failure: try again at <see cref="DeliveryOutcome.NextAttemptAt"/>.</summary>
    Retry,

    /// <summary>A permanent failure, or retries are exhausted: park it for an operator.</summary>
    DeadLetter,

    /// <summary>Not attempted (circuit open, shutting down): give it back without counting the attempt.</summary>
    Release,
}

/// <summary>The result of one leased delivery, recorded against the lease that produced it.</summary>
public sealed record DeliveryOutcome(
    long Sequence,
    string Destination,
    Guid LeaseToken,
    OutcomeKind Kind,
    DateTimeOffset At,
    DateTimeOffset? NextAttemptAt = null,
    string? Error = null)
{
    public static DeliveryOutcome Delivered(LeasedDelivery lease, DateTimeOffset at) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.Delivered, at);

    public static DeliveryOutcome Retry(LeasedDelivery lease, DateTimeOffset at, DateTimeOffset nextAttemptAt, string error) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.Retry, at, nextAttemptAt, error);

    public static DeliveryOutcome DeadLetter(LeasedDelivery lease, DateTimeOffset at, string error) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.DeadLetter, at, Error: error);

    public static DeliveryOutcome Release(LeasedDelivery lease, DateTimeOffset at, DateTimeOffset availableAt, string? reason = null) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.Release, at, availableAt, reason);
}
