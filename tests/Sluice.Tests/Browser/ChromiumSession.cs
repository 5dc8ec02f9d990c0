using Microsoft.Playwright;

namespace Sluice.Tests.Browser;

/// <summary>A running Chromium and the Playwright driver behind it, closed together.</summary>
internal sealed class ChromiumSession(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public IBrowser Browser { get; } = browser;

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        playwright.Dispose();
    }
}
