namespace Sluice.Replies.Callbacks;

/// <summary>The <c>Callbacks</c> section: where replies may be called back to, and the destination that delivers them.</summary>
public sealed class CallbacksOptions
{
    public const string SectionName = "Callbacks";

    /// <summary>
    /// Hosts a callback may go to (<c>erp.example.com</c>, or <c>host:port</c> for one port). Empty, the default: no
    /// callbacks at all, so no client can make Sluice send requests to an address the operator did not choose.
    /// </summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>The delivery destination (sink <c>webhook</c>) that sends callbacks: its own limits, retries and dead letters.</summary>
    public string Destination { get; set; } = "callbacks";

    public bool Allows(Uri url) =>
        url.IsAbsoluteUri && url.Scheme is "http" or "https" && AllowedHosts.Any(allowed =>
            string.Equals(allowed, url.IdnHost, StringComparison.OrdinalIgnoreCase)
            || string.Equals(allowed, $"{url.IdnHost}:{url.Port}", StringComparison.OrdinalIgnoreCase));
}
