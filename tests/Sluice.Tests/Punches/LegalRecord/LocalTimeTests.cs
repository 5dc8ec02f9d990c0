using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Punches.Registry;
using Sluice.Testing;

namespace Sluice.Tests.Punches.LegalRecord;

/// <summary>Every punch time is told on the establishment's clock, whatever offset the collector sent.</summary>
public sealed class LocalTimeTests : LegacyGatewayTest
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Punches:DeveloperDocument"] = "45723174000110";

    [Fact]
    public async Task A_punch_sent_in_UTC_and_one_made_on_the_page_are_written_with_the_establishments_offset_in_AFD_fields_3_and_5()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var created = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees",
            new EmployeeRequest("4101", "João Conceição", "529.982.247-25", null, "2468", null));
        created.EnsureSuccessStatusCode();
        var utc = DateTimeOffset.UtcNow.AddMinutes(-1);
        var form = await Gateway.AnonymousClient.GetStringAsync("/punch");
        Assert.Matches(@"Horário do registro: <strong>\d{2}:\d{2}:\d{2} \(UTC-03:00\)</strong>", form); // the establishment's clock

        var sent = await Gateway.Client.PostAsJsonAsync("/api/punches",
            new { employeeId = "4101", punchedAt = utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) });
        using var page = await Gateway.AnonymousClient.PostAsync("/punch",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["employee"] = "52998224725", ["pin"] = "2468" }));

        Assert.Equal(HttpStatusCode.Accepted, sent.StatusCode);
        var receipt = (await sent.Content.ReadFromJsonAsync<PunchReceipt>())!;
        Assert.Equal(TimeSpan.FromHours(-3), receipt.PunchedAt.Offset);
        Assert.Equal(utc.ToUnixTimeSeconds(), receipt.PunchedAt.ToUnixTimeSeconds()); // the instant is unchanged
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Matches(@"\d{2}:\d{2}:\d{2} \(UTC-03:00\)", html); // the establishment's clock, to the second

        var punches = AfdLines.OfType(await AfdLines.ReadAsync(Gateway.Client, establishment), '7');
        Assert.Equal(2, punches.Length);
        Assert.All(punches, line =>
        {
            Assert.EndsWith("-0300", line[10..34], StringComparison.Ordinal); // field 3: punch time
            Assert.EndsWith("-0300", line[46..70], StringComparison.Ordinal); // field 5: recording time
        });
        Assert.Equal(utc.ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-dd'T'HH:mm':00-0300'", CultureInfo.InvariantCulture), punches[0][10..34]);

        var json = await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/punches/{receipt.Id}/receipt");
        Assert.EndsWith("-03:00", json.GetProperty("punchedAt").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("-03:00", json.GetProperty("recordedAt").GetString(), StringComparison.Ordinal);
        var view = await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/punches/{receipt.Id}");
        Assert.EndsWith("-03:00", view.GetProperty("punchedAt").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("-03:00", view.GetProperty("receivedAt").GetString(), StringComparison.Ordinal);
    }
}
