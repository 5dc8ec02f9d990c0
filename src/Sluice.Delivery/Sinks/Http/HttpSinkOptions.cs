using Sluice.Delivery.Engine;

namespace Sluice.Delivery.Sinks.Http;

/// <summary>Where an <c>http</c> destination sends, read from the destination's own section.</summary>
public sealed class HttpSinkOptions
{
    /// <summary>The system's base URL; unset means the legacy system (<c>Legacy:BaseUrl</c>).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Path (and query) appended to the base URL, unless the message carries its own.</summary>
    public string Path { get; set; } = "/";

    /// <summary>Method used unless the message carries its own.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>How a batch is sent, when the destination's <c>Batch:Size</c> is above 1.</summary>
    public HttpBatchOptions Batch { get; set; } = new();

    /// <summary>What of each answer is kept as the message's reply (single sends; a batch's answer is not one message's).</summary>
    public ReplyOptions Reply { get; set; } = new();
}

public enum BatchShape
{
    /// <summary>The body is a JSON array of the messages.</summary>
    Array,

    /// <summary>The body is a JSON object holding the array under <see cref="HttpBatchOptions.Property"/>.</summary>
    Envelope,
}

/// <summary>The sink's side of the <c>Batch</c> section: the request body and how per-message answers are read.</summary>
public sealed class HttpBatchOptions
{
    public BatchShape Shape { get; set; } = BatchShape.Array;

    /// <summary>Property holding the array when <see cref="Shape"/> is <c>envelope</c>.</summary>
    public string Property { get; set; } = "items";

    /// <summary>Path batches are sent to; unset means the destination's <c>Path</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Property of the answer holding one result per message; unset means the answer itself is that array.</summary>
    /// <remarks>Each result is a status code (<c>200</c>) or an object with one (<c>{"status":503,"error":"..."}</c>),
    /// in the batch's order. An answer without such an array applies its own status to every message.</remarks>
    public string? ResultsProperty { get; set; }
}

/// <summary>The legacy system's address, known only once the host has started (it may be the in-process simulator).</summary>
public interface ILegacyEndpoint
{
    Uri? BaseAddress { get; }
}

/// <summary>Metadata keys a message may carry to shape its HTTP request; others write and read them through <see cref="HttpRequestMetadata"/>.</summary>
internal static class HttpMetadata
{
    public const string Method = "http.method";
    public const string PathAndQuery = "http.path";

    /// <summary>Prefix of keys whose remainder is a header name, e.g. <c>http.header.Authorization</c>.</summary>
    public const string HeaderPrefix = "http.header.";

    /// <summary>Header of a batch request listing its messages' ids, in order, comma-separated.</summary>
    public const string BatchKeysHeader = "X-Sluice-Batch-Keys";
}
