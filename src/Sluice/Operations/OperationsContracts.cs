using Sluice.Journal;

namespace Sluice.Operations;

/// <summary>A destination's backlog (from the journal, all nodes) and its live state (this node).</summary>
public sealed record DestinationView(
    string Name,
    string Sink,
    long Backlog,
    long Pending,
    long InFlight,
    long Delivered,
    long Retrying,
    long Dead,
    long Discarded,
    int ConcurrencyLimit,
    int SendingNow,
    string Circuit,
    bool Paused,
    DateTimeOffset? HeldUntil,
    DateTimeOffset? ClosedUntil);

/// <summary>A dead letter as operators see it: the journal's, without its paging cursor (a page carries its own).</summary>
public record DeadLetterView(
    Guid MessageId,
    string Kind,
    string Destination,
    DateTimeOffset ReceivedAt,
    int Attempts,
    DateTimeOffset? FailedAt,
    string? LastError)
{
    public static DeadLetterView Of(DeadLetter letter) =>
        new(letter.MessageId, letter.Kind, letter.Destination, letter.ReceivedAt, letter.Attempts, letter.FailedAt, letter.LastError);
}

public sealed record DeadLetterPage(IReadOnlyList<DeadLetterView> Items, string? Next);

/// <summary>Which dead letters to replay: by message ids, by destination, or both.</summary>
public sealed record ReplayRequest(Guid[]? Ids, string? Destination);

public sealed record ReplayResult(int Replayed);
