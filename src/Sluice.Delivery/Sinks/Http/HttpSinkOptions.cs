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
}

/// <summary>The legacy system's address, known only once the host has started (it may be the in-process simulator).</summary>
public interface ILegacyEndpoint
{
    Uri? BaseAddress { get; }
}

/// <summary>Metadata keys a message may carry to shape its HTTP request (store-first routes use them).</summary>
public static class HttpMetadata
{
    public const string Method = "http.method";
    public const string PathAndQuery = "http.path";

    /// <summary>Prefix of keys whose remainder is a header name, e.g. <c>http.header.Authorization</c>.</summary>
    public const string HeaderPrefix = "http.header.";
}
