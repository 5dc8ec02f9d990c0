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

public sealed record DeadLetterPage(IReadOnlyList<DeadLetter> Items, string? Next);

/// <summary>Which dead letters to replay: by message ids, by destination, or both.</summary>
public sealed record ReplayRequest(Guid[]? Ids = null, string? Destination = null);

public sealed record ReplayResult(int Replayed);
