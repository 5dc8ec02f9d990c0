namespace Sluice.Delivery.Sinks.Http;

/// <summary>
/// The HTTP request a message asks the HTTP sink to send, written into and read from its metadata: whoever stores
/// such a message (a store-first route) never spells the sink's keys.
/// </summary>
public static class HttpRequestMetadata
{
    /// <summary>Adds the request's method, path and query, and headers to <paramref name="metadata"/>.</summary>
    public static void Write(
        IDictionary<string, string> metadata, string method, string pathAndQuery, IEnumerable<KeyValuePair<string, string>> headers)
    {
        metadata[HttpMetadata.Method] = method;
        metadata[HttpMetadata.PathAndQuery] = pathAndQuery;
        foreach (var (name, value) in headers)
        {
            metadata[HttpMetadata.HeaderPrefix + name] = value;
        }
    }

    /// <summary>The method the message is sent with, when it names one.</summary>
    public static string? Method(IReadOnlyDictionary<string, string> metadata) => metadata.GetValueOrDefault(HttpMetadata.Method);

    /// <summary>The path and query the message is sent to, when it names them.</summary>
    public static string? PathAndQuery(IReadOnlyDictionary<string, string> metadata) => metadata.GetValueOrDefault(HttpMetadata.PathAndQuery);
}
