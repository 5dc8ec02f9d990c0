using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Sluice.Tests.Browser;

/// <summary>
/// A gateway with the legacy simulator behind it (<see cref="LegacyGatewayTest"/>), and Debian's Chromium to read
/// its pages as a person would: started before each test, closed after it.
/// </summary>
public abstract class BrowserGatewayTest : LegacyGatewayTest
{
    private ChromiumSession _chromium = null!;

    protected IBrowser Browser => _chromium.Browser;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _chromium = await Chromium.LaunchAsync();

        // Pages that update on a timer get a margin for a machine busy with the rest of the suite.
        SetDefaultExpectTimeout(15_000);
    }

    public override async Task DisposeAsync()
    {
        await _chromium.DisposeAsync();
        await base.DisposeAsync();
    }
}
