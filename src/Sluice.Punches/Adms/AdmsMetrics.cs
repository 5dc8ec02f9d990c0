using System.Diagnostics.Metrics;
using Sluice.Observability;

namespace Sluice.Punches.Adms;

/// <summary>
/// Device lines kept for HR instead of taken (exported as <c>sluice_adms_rejected_lines_total</c>): a rise means a
/// device sends PINs nobody registered, or its clock or zone is wrong. Static for the reason given on GatewayMetrics.
/// </summary>
internal static class AdmsMetrics
{
    private static readonly Meter Meter = new(GatewayMeter.Name);

    public static readonly Counter<long> RejectedLines = Meter.CreateCounter<long>(
        "sluice.adms.rejected_lines", "{line}", "Device lines Sluice could not take as punches, kept for HR with their reason.");
}
