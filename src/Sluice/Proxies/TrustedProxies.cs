using System.Net;
using Microsoft.Extensions.Options;

namespace Sluice.Proxies;

/// <summary>
/// Whether the request's connection came from a configured proxy, judged on the address the socket had before
/// the forwarded headers replaced it: only such a proxy may tell the legacy system who the client was
/// (<c>X-Real-IP</c>, <c>Forwarded</c>); from anyone else those headers are a client's claim about itself.
/// </summary>
public sealed class TrustedProxies(IOptions<ProxiesOptions> options)
{
    private readonly IPAddress[] _proxies = [.. options.Value.KnownProxies.Select(IPAddress.Parse)];
    private readonly IPNetwork[] _networks = [.. options.Value.KnownNetworks.Select(IPNetwork.Parse)];

    public bool IsTrusted(HttpContext context)
    {
        var peer = context.Features.Get<ConnectionPeer>()?.Address ?? context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return false;
        }

        if (peer.IsIPv4MappedToIPv6)
        {
            peer = peer.MapToIPv4();
        }

        return _proxies.Contains(peer) || _networks.Any(n => n.Contains(peer));
    }

    /// <summary>The socket's own address, recorded before the forwarded headers are applied.</summary>
    internal sealed record ConnectionPeer(IPAddress? Address);
}
