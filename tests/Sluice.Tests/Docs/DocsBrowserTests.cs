using Microsoft.Playwright;
using Sluice.Testing;
using Sluice.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Sluice.Tests.Docs;

/// <summary>/docs in a real browser: the reference renders the gateway's own OpenAPI document, asking no other host.</summary>
public sealed class DocsBrowserTests : IAsyncLifetime
{
    private TestGateway _gateway = null!;
    private ChromiumSession _chromium = null!;

    public async Task InitializeAsync()
    {
        _gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        _chromium = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await _gateway.DisposeAsync();
    }

    [Fact]
    public async Task The_reference_renders_the_operations_without_credentials_or_outside_requests()
    {
        var page = await _chromium.Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var hosts = new System.Collections.Concurrent.ConcurrentBag<string>();
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).Authority);

        var response = await page.GotoAsync(new Uri(_gateway.BaseAddress, "/docs/").ToString());

        Assert.Equal(200, response!.Status);
        // The description and operation summaries come from the gateway's document: seeing them means it was fetched and rendered.
        await Expect(page.GetByText("A store-first gateway").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await page.GetByText("Punches", new() { Exact = true }).First.ClickAsync();
        await Expect(page.GetByText("Store a punch").First).ToBeVisibleAsync();
        await Expect(page.GetByText("Dead letters", new() { Exact = true }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("docs.png") });
        Assert.All(hosts.Where(h => h.Length > 0), h => Assert.Equal(_gateway.BaseAddress.Authority, h));
    }
}
