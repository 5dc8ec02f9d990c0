using System.Net;
using System.Net.Sockets;

namespace Sluice.Punches.Adms;

/// <summary>The networks a device may call from: a serial and a key leaked elsewhere are no use outside them.</summary>
internal static class AdmsNetworks
{
    /// <summary>A CIDR network (<c>10.1.2.0/24</c>) or a single address (<c>10.1.2.7</c>, read as /32 or /128).</summary>
    public static bool TryParse(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (!text.Contains('/', StringComparison.Ordinal) && IPAddress.TryParse(text, out var address))
        {
            network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return IPNetwork.TryParse(text, out network);
    }

    public static IPNetwork Parse(string text) =>
        TryParse(text, out var network) ? network : throw new FormatException($"'{text}' is not an address or a CIDR network.");

    /// <summary>No list allows any address; an IPv4 caller seen as IPv6 (<c>::ffff:10.1.2.7</c>) is compared as IPv4.</summary>
    public static bool Allows(IReadOnlyList<IPNetwork>? networks, IPAddress? caller)
    {
        if (networks is not { Count: > 0 })
        {
            return true;
        }

        if (caller is null)
        {
            return false;
        }

        var address = caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller;
        return networks.Any(n => n.Contains(address));
    }
}
