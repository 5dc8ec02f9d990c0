namespace Sluice.Journal;

/// <summary>
/// The destination's final answer to one delivery, kept with the message so a client that got only a receipt can
/// still read what the legacy system said (poll, wait or callback).
/// </summary>
/// <param name="Status">The answer's status (HTTP status; a non-HTTP sink maps its answer to one, e.g. 200).</param>
/// <param name="Headers">Only the headers the route or destination lists: the rest may carry what no client should see.</param>
/// <param name="ContentType">Media type of <paramref name="Body"/>, if the destination named one.</param>
/// <param name="Body">The body as it came, up to the configured cap.</param>
/// <param name="Truncated">The body was longer than the cap and <paramref name="Body"/> holds only its start.</param>
public sealed record DeliveryReply(
    int Status,
    IReadOnlyDictionary<string, string> Headers,
    string? ContentType,
    ReadOnlyMemory<byte> Body,
    bool Truncated);
