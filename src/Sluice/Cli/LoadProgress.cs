using System.Globalization;

namespace Sluice.Cli;

/// <summary>One progress report of a load run: how far it is (0 to 1), and the rate and latencies since the report before.</summary>
internal sealed record LoadProgress(double Done, long Sent, double Rate, double P50, double P99, long NotAccepted)
{
    public string Figures => string.Create(
        CultureInfo.InvariantCulture, $"{Sent,8} sent  {Rate,7:F0}/s  p50 {P50,6:F1} ms  p99 {P99,6:F1} ms  not accepted {NotAccepted}");

    /// <summary>The line written when the output is not a terminal: a bar of twenty, then the figures.</summary>
    public string Line => $"[{new string('#', (int)(Done * 20)).PadRight(20, '.')}] {Figures}";
}
