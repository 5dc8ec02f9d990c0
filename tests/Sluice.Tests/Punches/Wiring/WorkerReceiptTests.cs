using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Sluice.Punches;
using Sluice.Punches.Pages;
using Sluice.Punches.Receipts;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Wiring;

/// <summary>
/// Portaria 671 Art. 80: the worker opens each punch's receipt without asking anyone, and lists their receipts of at
/// least the last 48 hours with their own CPF (or code) and web PIN; no Sluice credential in either case.
/// </summary>
public sealed partial class WorkerReceiptTests : IAsyncLifetime
{
    private const string Cpf = "529.982.247-25";
    private const string WebPin = "2468";

    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private TestLegacy _legacy = null!;
    private TestGateway _gateway = null!;

    public async Task InitializeAsync()
    {
        // A simulator on the real clock: the in-process one would wait on the frozen clock, and so would the gateway's stop.
        _legacy = await TestLegacy.StartAsync();
        _gateway = await TestGateway.StartAsync(TestGateway.Defaults(_legacy.BaseAddress), time: _time);
        var created = await _gateway.Client.PostAsync($"/api/establishments/{await _gateway.EstablishmentAsync()}/employees/import",
            new StringContent($"code,name,cpf,webPin\n9001,Joana Prado,{Cpf},{WebPin}\n", System.Text.Encoding.UTF8, "text/csv"));
        created.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _legacy.DisposeAsync();
    }

    [Fact]
    public async Task The_success_screen_links_to_a_receipt_the_worker_opens_without_any_credential()
    {
        var (link, nsr) = await PunchAsync();

        using var receipt = await _gateway.AnonymousClient.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.True(receipt.Headers.CacheControl?.NoStore);
        var html = await receipt.Content.ReadAsStringAsync();
        Assert.Contains(PunchPages.ReceiptTitle, html, StringComparison.Ordinal);
        Assert.Equal(nsr, Nsr().Match(html).Groups[1].Value);
        Assert.Contains("Joana Prado", html, StringComparison.Ordinal);
        Assert.Contains(Cpf, html, StringComparison.Ordinal);
        Assert.Contains(PunchRegistry.InpiNumber, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_link_is_not_found_and_an_expired_one_is_gone()
    {
        var (link, _) = await PunchAsync();
        var token = link[ReceiptLinks.PathPrefix.Length..];
        // Without a configured key each process draws its own: another process's links do not verify here.
        var elsewhere = new ReceiptLinks(Options.Create(new PunchesOptions()), _time, NullLogger<ReceiptLinks>.Instance);
        Assert.Equal(ReceiptLinkState.Invalid, elsewhere.Read(token).State);

        // The same punch and expiry signed with another key, a token with one character changed, and plain garbage.
        var otherKey = new ReceiptLinks(Options.Create(new PunchesOptions { ReceiptLinkKey = new string('k', 40) }), _time, NullLogger<ReceiptLinks>.Instance);
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];
        foreach (var forged in new[] { otherKey.Sign(Guid.CreateVersion7(), _time.GetUtcNow().AddDays(1)), tampered, "not-a-token" })
        {
            using var refused = await GetPageAsync(ReceiptLinks.PathPrefix + forged);
            Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
            Assert.DoesNotContain("Joana", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        _time.Advance(new PunchesOptions().ReceiptLinkLifetime);
        using var expired = await GetPageAsync(link);
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        Assert.Contains("Link expirado", await expired.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A client that does not ask for a page gets problem details naming the token.
        using var api = await _gateway.AnonymousClient.GetAsync(link);
        Assert.Equal(HttpStatusCode.Gone, api.StatusCode);
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"token\"", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private Task<HttpResponseMessage> GetPageAsync(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/html");
        return _gateway.AnonymousClient.SendAsync(request);
    }

    [Fact]
    public async Task With_CPF_and_web_PIN_the_worker_lists_the_receipts_of_the_last_48_hours_and_opens_them()
    {
        await PunchAsync();
        _time.Advance(TimeSpan.FromHours(30));
        var (_, recent) = await PunchAsync();
        _time.Advance(TimeSpan.FromHours(20));

        using var wrong = await ListAsync("0000");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.DoesNotContain(ReceiptLinks.PathPrefix, await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var list = await ListAsync(WebPin);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var links = ReceiptLink().Matches(await list.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        // The first punch is 50 hours old, the second 20: only the second is in the list.
        using var receipt = await _gateway.AnonymousClient.GetAsync(Assert.Single(links));
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.Equal(recent, Nsr().Match(await receipt.Content.ReadAsStringAsync()).Groups[1].Value);
    }

    /// <summary>Punches on the page with CPF and PIN; returns the success screen's receipt link and the punch's NSR.</summary>
    private async Task<(string Link, string Nsr)> PunchAsync()
    {
        using var response = await PostAsync(PunchPages.FormPath, WebPin);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        return (Assert.Single(ReceiptLink().Matches(html)).Groups[1].Value, Nsr().Match(html).Groups[1].Value);
    }

    private Task<HttpResponseMessage> ListAsync(string pin) => PostAsync(PunchPages.ReceiptListPath, pin);

    private Task<HttpResponseMessage> PostAsync(string path, string pin) =>
        _gateway.AnonymousClient.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [PunchPages.EmployeeField] = Cpf,
            [PunchPages.PinField] = pin,
        }));

    [GeneratedRegex("href=\"(/punch/receipts/[^\"]+)\"")]
    private static partial Regex ReceiptLink();

    [GeneratedRegex("<dt>NSR</dt><dd>([0-9]{9})</dd>")]
    private static partial Regex Nsr();
}
