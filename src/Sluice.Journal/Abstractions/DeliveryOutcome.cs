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
    /// <summary>The message the outcome is for, so a request waiting for its answer can be told (not stored).</summary>
    public Guid MessageId { get; init; }

    /// <summary>The destination's answer, kept when the outcome finishes the delivery (delivered or dead-lettered).</summary>
    public DeliveryReply? Reply { get; init; }

    /// <summary>
    /// Messages the outcome leads to, e.g. the callback that carries its reply: appended in the same transaction as the
    /// outcome, and only when the outcome finishes the delivery (so a crash can never keep the one without the other).
    /// </summary>
    /// <remarks>
    /// An outcome that finishes nothing (a repeat of one already recorded, a dead letter for a lease no longer held)
    /// appends none. Give each an idempotency claim derived from the finished message, so that even an outcome recorded
    /// twice appends it once.
    /// </remarks>
    public IReadOnlyList<NewMessage> FollowUps { get; init; } = [];

    public static DeliveryOutcome Delivered(LeasedDelivery lease, DateTimeOffset at, DeliveryReply? reply = null) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.Delivered, at) { MessageId = lease.MessageId, Reply = reply };

    public static DeliveryOutcome Retry(LeasedDelivery lease, DateTimeOffset at, DateTimeOffset nextAttemptAt, string error) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.Retry, at, nextAttemptAt, error) { MessageId = lease.MessageId };

    public static DeliveryOutcome DeadLetter(LeasedDelivery lease, DateTimeOffset at, string error, DeliveryReply? reply = null) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.DeadLetter, at, Error: error) { MessageId = lease.MessageId, Reply = reply };

    public static DeliveryOutcome Release(LeasedDelivery lease, DateTimeOffset at, DateTimeOffset availableAt, string? reason = null) =>
        new(lease.Sequence, lease.Destination, lease.LeaseToken, OutcomeKind.Release, at, availableAt, reason) { MessageId = lease.MessageId };
}
