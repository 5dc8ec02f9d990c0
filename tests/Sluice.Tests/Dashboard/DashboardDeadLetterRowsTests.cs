using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using Sluice.Facade;
using Sluice.Security;
using Sluice.Testing;
using Sluice.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Sluice.Tests.Dashboard;

/// <summary>
/// The dashboard's dead-letter rows, which are kept from one update to the next: one row per dead letter (a request
/// stored for two destinations that both gave up on it is two), each button acting on its own row only, and a row
/// whose letter failed again ready to be acted on again.
/// </summary>
public sealed class DashboardDeadLetterRowsTests : BrowserGatewayTest
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Facade:Routes:0:Method"] = "POST";
        settings["Facade:Routes:0:Path"] = "/legacy/orders";
        settings["Facade:Routes:0:Destinations:0"] = "legacy";
        settings["Facade:Routes:0:Destinations:1"] = "archive";
        settings["Delivery:Destinations:archive:BaseUrl"] = Legacy.BaseAddress.ToString();
        // Slower than a replay that fails again takes, so the row is still on the page when its letter is dead again.
        settings["Observability:DashboardInterval"] = "00:00:02";
    }

    [Fact]
    public async Task One_request_both_destinations_gave_up_on_has_a_row_each_and_discarding_one_keeps_the_other()
    {
        var id = await StoreRefusedAsync();
        var page = await OpenAsync();
        var rows = page.Locator($"#dead-letters li[data-id=\"{id}\"]");
        var legacy = rows.Filter(new() { HasText = $"legacy · {id}" });
        var archive = rows.Filter(new() { HasText = $"archive · {id}" });
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(legacy).ToHaveCountAsync(1);
        await Expect(archive).ToHaveCountAsync(1);

        await archive.Locator("button.discard").ClickAsync();
        await Expect(page.Locator("#action")).ToHaveTextAsync("Discarded 1 message: kept for audit, never delivered.");
        await Expect(archive).ToHaveCountAsync(0);
        await Expect(legacy).ToHaveCountAsync(1);
        var left = Assert.Single(await Gateway.DeadLettersAsync());
        Assert.Equal(("legacy", id), (left.Destination, left.MessageId));
    }

    [Fact]
    public async Task A_replayed_letter_that_fails_again_can_be_replayed_again_from_its_row()
    {
        var id = await StoreRefusedAsync();
        var page = await OpenAsync();
        var replay = page.Locator($"#dead-letters li[data-id=\"{id}\"]").Filter(new() { HasText = $"legacy · {id}" }).Locator("button.replay");
        var firstFailure = (await Gateway.DeadLettersAsync()).Single(d => d.Destination == "legacy").FailedAt;

        // The legacy system still refuses: the replayed letter is dead again, with a later failure.
        await replay.ClickAsync();
        await Expect(page.Locator("#action")).ToHaveTextAsync("Replayed 1 message(s).");
        await Eventually.UntilAsync(
            Gateway.DeadLettersAsync, d => d.Any(l => l.Destination == "legacy" && l.FailedAt > firstFailure), because: "the replayed letter fails again");

        await Expect(replay).ToBeEnabledAsync();
    }

    /// <summary>Stores one request for both destinations while the legacy system refuses everything (422), and waits for both dead letters.</summary>
    private async Task<Guid> StoreRefusedAsync()
    {
        await Legacy.ConfigureAsync(new { rejectStatus = 422 });
        using var stored = await Gateway.Client.PostAsync("/legacy/orders", new StringContent("""{"order":1}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, stored.StatusCode);
        var id = (await stored.Content.ReadFromJsonAsync<StoreFirstReceipt>())!.Id;
        await Eventually.UntilAsync(Gateway.DeadLettersAsync, d => d.Count == 2, because: "both destinations dead-letter the refused request");
        return id;
    }

    private async Task<IPage> OpenAsync()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/dashboard?lang=en").ToString() + "#token=" + Uri.EscapeDataString(TestCredentials.Token(SluiceRoles.Admin)));
        return page;
    }
}
