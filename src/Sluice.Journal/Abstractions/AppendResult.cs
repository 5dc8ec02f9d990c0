namespace Sluice.Journal;

public enum AppendOutcome
{
    /// <summary>Committed now.</summary>
    Stored,

    /// <summary>The idempotency key was seen before with the same request: nothing new stored.</summary>
    Duplicate,

    /// <summary>The idempotency key was seen before with a different request: nothing stored.</summary>
    IdempotencyConflict,
}

/// <summary>What happened to one appended message; for a duplicate or conflict, the id and time are the original's.</summary>
public sealed record AppendResult(AppendOutcome Outcome, Guid MessageId, DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// For <see cref="AppendOutcome.Stored"/>: what the module handling the message's kind assigned inside the commit
    /// (<see cref="NewMessage.Assigned"/>), e.g. the NSR and hash of a punch; null for repeats and for kinds no module numbers.
    /// </summary>
    public object? Assigned { get; init; }

    /// <summary>The stored message as its module numbered it.</summary>
    public static AppendResult Stored(NewMessage stored) => new(AppendOutcome.Stored, stored.Id, stored.ReceivedAt) { Assigned = stored.Assigned };

    /// <summary>The answer to a key already claimed: a duplicate when the request hashes the same, else a conflict.</summary>
    public static AppendResult Repeat(IdempotencyClaim claim, byte[] originalHash, Guid originalId, DateTimeOffset originalAt) =>
        new(claim.RequestHash.AsSpan().SequenceEqual(originalHash) ? AppendOutcome.Duplicate : AppendOutcome.IdempotencyConflict,
            originalId, originalAt);
}
