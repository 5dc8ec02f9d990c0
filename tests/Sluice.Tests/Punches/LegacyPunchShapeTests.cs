using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Punches;

/// <summary>Punches reach the legacy time system in the JSON shape it expects; the journal keeps them as stored.</summary>
public sealed class LegacyPunchShapeTests : LegacyGatewayTest
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Punches:LegacyShape:matricula"] = "employeeId";
        settings["Punches:LegacyShape:dataHora"] = "punchedAt";
        settings["Punches:LegacyShape:nsr"] = "nsr";
        settings["Punches:LegacyShape:relogio"] = "deviceId";
    }

    [Fact]
    public async Task The_legacy_system_gets_its_own_field_names_and_only_those_fields()
    {
        var receipt = (await (await Gateway.PostPunchAsync("1003")).Content.ReadFromJsonAsync<PunchReceipt>())!;

        var sent = Assert.Single(await Eventually.UntilAsync(
            () => Task.FromResult(Legacy.System.Requests(0, 100)), r => r.Count > 0, because: "the punch is delivered"));

        using var body = JsonDocument.Parse(sent.Body);
        Assert.Equal(["dataHora", "matricula", "nsr", "relogio"], body.RootElement.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("1003", body.RootElement.GetProperty("matricula").GetString());
        Assert.Equal(receipt.Nsr, body.RootElement.GetProperty("nsr").GetInt64());
        Assert.Equal("TEST-1", body.RootElement.GetProperty("relogio").GetString());
        Assert.Equal(receipt.Id.ToString(), sent.IdempotencyKey);

        // The punch itself is unchanged.
        var stored = (await Gateway.Client.GetFromJsonAsync<PunchView>($"/api/punches/{receipt.Id}"))!;
        Assert.Equal("1003", stored.EmployeeId);
    }

    [Fact]
    public async Task A_shape_naming_a_field_punches_do_not_have_stops_Sluice_naming_the_setting()
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync("--Punches:LegacyShape:matricula=badge");

        Assert.Equal(2, exit);
        Assert.Contains("Punches:LegacyShape", printed, StringComparison.Ordinal);
    }
}
