namespace Sluice.Observability;

/// <summary>The meter the gateway's own instruments share, the host's and each domain module's alike.</summary>
public static class GatewayMeter
{
    public const string Name = "Sluice.Gateway";
}
