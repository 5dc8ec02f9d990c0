using System.Net;
using Sluice.Hosting;

namespace Sluice.Proxies;

/// <summary>
/// The reverse proxies or load balancers in front of Sluice, whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c>
/// are believed. Nobody is by default: a client could otherwise name any address and slip past the per-address limits.
/// </summary>
public sealed class ProxiesOptions : ISelfValidatingOptions
{
    public const string Section = "Proxies";

    /// <summary>Addresses of the proxies, e.g. <c>10.0.0.5</c>.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation, e.g. <c>10.0.0.0/8</c>.</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>How many proxies a request passes through: that many addresses are taken from the end of <c>X-Forwarded-For</c>.</summary>
    public int ForwardLimit { get; set; } = 1;

    public bool Enabled => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public IEnumerable<string> Validate()
    {
        foreach (var proxy in KnownProxies.Where(p => !IPAddress.TryParse(p, out _)))
        {
            yield return $"{Section}:KnownProxies: '{proxy}' is not an IP address.";
        }

        foreach (var network in KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)))
        {
            yield return $"{Section}:KnownNetworks: '{network}' is not a network in CIDR notation (e.g. 10.0.0.0/8).";
        }

        if (ForwardLimit is < 1 or > 20)
        {
            yield return $"{Section}:ForwardLimit must be between 1 and 20.";
        }
    }
}
