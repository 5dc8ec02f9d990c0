namespace Sluice.Journal;

/// <summary>A request accepted at intake, to be stored and then delivered to each of its destinations.</summary>
/// <param name="Id">Stable id; sent downstream as <c>Idempotency-Key</c>.</param>
/// <param name="Kind">What the message is ("punch", "order", "http"), used by queries and sinks.</param>
/// <param name="Payload">The body to deliver, stored verbatim.</param>
/// <param name="ContentType">Media type of <paramref name="Payload"/>.</param>
/// <param name="Destinations">Names of the destinations the message must reach; at least one.</param>
/// <param name="ReceivedAt">When Sluice received it (the server's clock).</param>
public sealed record NewMessage(
    Guid Id,
    string Kind,
    ReadOnlyMemory<byte> Payload,
    string ContentType,
    IReadOnlyList<string> Destinations,
    DateTimeOffset ReceivedAt)
{
    /// <summary>Messages that share a key are delivered one at a time, in arrival order.</summary>
    public string? OrderingKey { get; init; }

    /// <summary>Set when the client sent an idempotency key: a repeat returns the original message.</summary>
    public IdempotencyClaim? Idempotency { get; init; }

    /// <summary>Metadata for sinks, e.g. the HTTP method, path and headers of a store-first request.</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>
    /// Never stored: what the sender hands to the <see cref="Modules.IJournalModule"/> that handles this kind,
    /// e.g. the checked punch the module numbers. Read-only input: a module answers through <see cref="Assigned"/>.
    /// </summary>
    public object? Context { get; init; }

    /// <summary>
    /// Never stored: what a module assigned to this message inside the append transaction (an NSR and hash, an
    /// order number), set when it replaces the message with <c>with</c>. The sender reads it on
    /// <see cref="AppendResult.Assigned"/> once the commit completes: no second read, nothing shared and mutable.
    /// </summary>
    public object? Assigned { get; init; }
}

/// <param name="Scope">Keys are unique within a scope (an intake route), not globally.</param>
/// <param name="Key">The client's key.</param>
/// <param name="RequestHash">Hash of the normalised request; the same key with another hash is a conflict.</param>
public sealed record IdempotencyClaim(string Scope, string Key, byte[] RequestHash);
