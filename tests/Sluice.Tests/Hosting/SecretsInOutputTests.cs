using Sluice.Testing;

namespace Sluice.Tests.Hosting;

/// <summary>What Sluice prints about its settings never holds a secret written into them.</summary>
public sealed class SecretsInOutputTests
{
    [Fact]
    public async Task A_password_in_the_legacy_address_is_not_logged_at_start()
    {
        await using var legacy = await TestLegacy.StartAsync();
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(new UriBuilder(legacy.BaseAddress) { UserName = "sluice", Password = "never-printed" }.Uri);
        settings["Journal:Path"] = folder.File("sluice.db");
        settings["Logging:LogLevel:Sluice.Legacy"] = "Information";

        await using var gateway = await GatewayProcess.StartAsync(settings);

        Assert.Contains($"Delivering to the legacy system at http://{legacy.BaseAddress.Authority}", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("never-printed", gateway.Output, StringComparison.Ordinal);
    }
}
