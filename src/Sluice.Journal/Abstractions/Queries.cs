using System.Text.Json.Serialization;

namespace Sluice.Journal;

/// <summary>A stored message with its delivery state for every destination.</summary>
public sealed record MessageRecord(
    Guid Id,
    string Kind,
    DateTimeOffset ReceivedAt,
    string ContentType,
    ReadOnlyMemory<byte> Payload,
    IReadOnlyDictionary<string, string> Metadata,
    string? OrderingKey,
    IReadOnlyList<DeliveryRecord> Deliveries);

public sealed record DeliveryRecord(
    string Destination,
    DeliveryState State,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? CompletedAt,
    string? LastError);

/// <summary>Counts per destination. Retrying is the part of Pending that has failed at least once.</summary>
public sealed record DestinationStats(
    string Destination,
    long Pending,
    long InFlight,
    long Delivered,
    long Retrying,
    long Dead,
    long Discarded)
{
    public long Backlog => Pending + InFlight;

    /// <summary>When the oldest message still waiting (pending or in flight) was received; null when none waits.</summary>
    public DateTimeOffset? OldestWaitingAt { get; init; }

    /// <summary>Who holds the leases in flight now (<see cref="LeaseRequest.Owner"/>), so an operator sees which node sends.</summary>
    public IReadOnlyList<string> LeaseOwners { get; init; } = [];
}

/// <summary>A message one destination gave up on, as operators see it in the API and on the dashboard.</summary>
public record DeadLetter(
    Guid MessageId,
    string Kind,
    string Destination,
    DateTimeOffset ReceivedAt,
    int Attempts,
    DateTimeOffset? FailedAt,
    string? LastError)
{
    /// <summary>Where the next page starts (<see cref="DeadLetterQuery.After"/>): paging state, not part of the letter, so never serialised (a page carries its own).</summary>
    [JsonIgnore]
    public long Cursor { get; init; }
}

/// <summary>Dead letters in the order they were received; <see cref="After"/> is the keyset cursor.</summary>
public sealed record DeadLetterQuery(string? Destination = null, long? After = null, int Limit = 100);

/// <summary>Which dead letters to act on: by ids, by destination, or both (an empty filter matches none).</summary>
public sealed record DeadLetterFilter(IReadOnlyCollection<Guid>? Ids = null, string? Destination = null)
{
    public bool IsEmpty => (Ids is null || Ids.Count == 0) && Destination is null;
}
