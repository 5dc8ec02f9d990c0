using Sluice.Testing;

namespace Sluice.Tests.Punches.Wiring;

/// <summary>Receipt settings Sluice cannot keep safe or lawful stop it at start, naming the setting (exit 2).</summary>
public sealed class ReceiptSettingsTests
{
    [Theory]
    [InlineData("Punches:ReceiptLinkKey", "too-short-to-be-a-secret")]
    [InlineData("Punches:WorkerReceiptsWindow", "1.00:00:00")]
    public async Task A_short_link_key_or_a_receipt_window_under_48_hours_stops_Sluice_naming_the_setting(string key, string value)
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync($"--{key}={value}");

        Assert.Equal(2, exit);
        Assert.Contains(key[(key.IndexOf(':') + 1)..], printed, StringComparison.Ordinal);
    }
}
