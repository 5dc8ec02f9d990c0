namespace Sluice.Journal;

/// <summary>One message leased for delivery to one destination.</summary>
/// <remarks>
/// The lease expires at <see cref="LeasedUntil"/>; after that another worker (or node) may take it,
/// which is how work in flight at a crash is sent again.
/// </remarks>
public sealed record LeasedDelivery(
    long Sequence,
    Guid MessageId,
    string Destination,
    string Kind,
    ReadOnlyMemory<byte> Payload,
    string ContentType,
    IReadOnlyDictionary<string, string> Metadata,
    string? OrderingKey,
    DateTimeOffset ReceivedAt,
    int Attempt,
    Guid LeaseToken,
    DateTimeOffset LeasedUntil);

/// <param name="Destination">Destination whose due deliveries to lease.</param>
/// <param name="MaxCount">At most this many.</param>
/// <param name="Owner">Who holds the lease (node and worker), for operators.</param>
/// <param name="Now">The caller's clock.</param>
/// <param name="Duration">How long the lease lasts before others may take the work.</param>
public sealed record LeaseRequest(string Destination, int MaxCount, string Owner, DateTimeOffset Now, TimeSpan Duration);
