using System.Diagnostics.Metrics;

namespace Sluice.Delivery.Engine;

/// <summary>Instruments of the delivery engine, tagged by destination.</summary>
public static class DeliveryMetrics
{
    public const string MeterName = "Sluice.Delivery";

    internal static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>(
        "sluice.delivery.sent", "{message}", "Send attempts, tagged by destination and outcome.");

    public static readonly Histogram<double> SendDuration = Meter.CreateHistogram<double>(
        "sluice.delivery.send.duration", "s", "Time a destination took to answer one send.");
}
