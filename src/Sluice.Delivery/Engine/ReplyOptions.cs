namespace Sluice.Delivery.Engine;

/// <summary>What of a destination's answer is kept as the message's reply (the <c>Reply</c> section of a destination).</summary>
/// <remarks>A store-first route may set its own, carried in the message's metadata (<see cref="ReplyMetadata"/>).</remarks>
public sealed class ReplyOptions
{
    /// <summary>Replies live in the journal next to every message: a ceiling keeps one chatty destination from filling it.</summary>
    public const int MaxBodyBytesCeiling = 16 * 1024 * 1024;

    /// <summary>Most bytes of an answer's body kept; a longer body is cut there and marked truncated. 0 keeps none.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>Answer headers kept with the reply. None by default: headers may carry cookies or internal details.</summary>
    public string[] Headers { get; set; } = [];

    /// <summary>The settings for one message: the route's, where it set them, else these.</summary>
    public (int MaxBodyBytes, IReadOnlyList<string> Headers) For(IReadOnlyDictionary<string, string> metadata)
    {
        var max = metadata.TryGetValue(ReplyMetadata.MaxBodyBytes, out var m) && int.TryParse(m, out var parsed) ? parsed : MaxBodyBytes;
        IReadOnlyList<string> headers = metadata.TryGetValue(ReplyMetadata.Headers, out var h)
            ? h.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : Headers;
        return (max, headers);
    }
}

/// <summary>Metadata keys by which a message carries its route's reply settings to the sink.</summary>
public static class ReplyMetadata
{
    /// <summary>Comma-separated answer headers to keep.</summary>
    public const string Headers = "reply.headers";

    /// <summary>Most body bytes to keep.</summary>
    public const string MaxBodyBytes = "reply.max-bytes";

    /// <summary>Where the reply is to be delivered once it is in (a callback URL, already checked against the allow-list).</summary>
    public const string CallbackUrl = "reply.callback";

    /// <summary>The destination whose answer the callback carries (the route's first).</summary>
    public const string CallbackFrom = "reply.callback-from";
}
