using Microsoft.Playwright;
using Sluice.Punches.Pages;
using Sluice.Testing;

namespace Sluice.Tests.Browser;

/// <summary>
/// A real browser, not our reading of our own headers, decides whether another site can frame the PIN form
/// (issue 15, finding 9): Chromium must refuse to show <c>/punch</c> inside another origin's page, while showing it
/// at the top level as before.
/// </summary>
public sealed class FramingBrowserTests
{
    [Fact]
    public async Task Chromium_refuses_to_show_the_punch_page_inside_another_sites_frame()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        await using var chromium = await Chromium.LaunchAsync();
        var page = await chromium.Browser.NewPageAsync();
        var punch = new Uri(gateway.BaseAddress, PunchPages.FormPath).ToString();
        // The attacker's page, served by the browser itself under an origin of its own.
        await page.RouteAsync("http://attacker.test/**", route => route.FulfillAsync(new RouteFulfillOptions
        {
            ContentType = "text/html",
            Body = $"<!doctype html><title>prize</title><iframe id=\"f\" src=\"{punch}\" width=\"400\" height=\"400\"></iframe>",
        }));

        await page.GotoAsync("http://attacker.test/", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        var framed = page.Frames.Single(f => f != page.MainFrame);
        var framedForms = await framed.Locator($"input[name={PunchPages.PinField}]").CountAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Chromium.ScreenshotPath("punch-framed-by-another-site.png") });

        await page.GotoAsync(punch);
        var topLevelForms = await page.Locator($"input[name={PunchPages.PinField}]").CountAsync();

        Assert.Equal(0, framedForms);
        Assert.Equal(1, topLevelForms);
    }
}
