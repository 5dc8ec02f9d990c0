using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sluice.Punches;
using Sluice.Punches.Pages;
using Sluice.Punches.Receipts;
using Sluice.Punches.WebPage;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Espelho;

/// <summary>The worker's Espelho link: it names one worker, expires, and is no receipt link (nor a receipt link one).</summary>
public sealed class EspelhoLinkTests : LegacyGatewayTest
{
    private static readonly PunchesOptions Options = new() { ReceiptLinkKey = new string('k', 40) };

    protected override void Configure(IDictionary<string, string?> settings) => settings["Punches:MaxOfflineAge"] = "3650.00:00:00";

    [Fact]
    public void A_link_expires_after_its_lifetime_and_a_receipt_token_signed_with_the_same_key_opens_no_Espelho()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var links = new EspelhoLinks(Microsoft.Extensions.Options.Options.Create(Options), time);
        var receipts = new ReceiptLinks(Microsoft.Extensions.Options.Options.Create(Options), time, NullLogger<ReceiptLinks>.Instance);
        var worker = Guid.CreateVersion7();
        var token = links.TokenFor(worker);

        Assert.Equal((ReceiptLinkState.Valid, worker), links.Read(token));
        Assert.Equal(ReceiptLinkState.Invalid, links.Read(receipts.Sign(worker, time.GetUtcNow().AddHours(1))).State);
        Assert.Equal(ReceiptLinkState.Invalid, receipts.Read(token).State);
        time.Advance(Options.EspelhoLinkLifetime);
        Assert.Equal(ReceiptLinkState.Expired, links.Read(token).State);
    }

    [Fact]
    public async Task Sign_in_redirects_to_the_link_which_opens_the_month_privately_while_a_forged_link_is_404_and_a_bad_month_400()
    {
        await EspelhoMonth.NovemberAsync(Gateway, "7201", "2468");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Gateway.BaseAddress };

        using var signedIn = await client.PostAsync(PunchPages.EspelhoSignInPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["employee"] = PunchRegistry.CpfFor("7201"), ["pin"] = "2468", ["month"] = "2026-11",
        }));

        Assert.Equal(HttpStatusCode.Found, signedIn.StatusCode);
        var link = signedIn.Headers.Location!.OriginalString;
        Assert.StartsWith(EspelhoLinks.PathPrefix, link, StringComparison.Ordinal);
        Assert.EndsWith("?month=2026-11", link, StringComparison.Ordinal);
        using var page = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl?.NoStore);
        Assert.Contains("01/11/2026 a 30/11/2026", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var token = link[EspelhoLinks.PathPrefix.Length..link.IndexOf('?', StringComparison.Ordinal)];
        var forged = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        using var refused = await client.GetAsync(EspelhoLinks.PathPrefix + forged + "/pdf");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.DoesNotContain("Joana", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var badMonth = await client.GetAsync(EspelhoLinks.PathPrefix + token + "?month=2026-13");
        Assert.Equal(HttpStatusCode.BadRequest, badMonth.StatusCode);
        Assert.Contains("\"month\"", await badMonth.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
