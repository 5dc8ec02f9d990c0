using Microsoft.Playwright;

namespace Sluice.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (its driver ships in the NuGet package). test.sh installs the
/// <c>chromium</c> package; Playwright's own browser downloads are never used, so a missing browser fails the test.
/// </summary>
internal static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static async Task<ChromiumSession> LaunchAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException($"Browser tests need Debian's chromium at {ExecutablePath}: apt-get install chromium (./test.sh does).");
        }

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // Root in a container needs --no-sandbox; the rest keep Chromium off the (closed) network.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync"],
        });
        return new ChromiumSession(playwright, browser);
    }

    /// <summary>Where screenshots go: $SLUICE_TEST_RESULTS (test.sh sets it) or TestResults beside the test binaries.</summary>
    public static string ScreenshotPath(string name)
    {
        var folder = Path.Combine(
            Environment.GetEnvironmentVariable("SLUICE_TEST_RESULTS") is { Length: > 0 } results ? results : Path.Combine(AppContext.BaseDirectory, "TestResults"),
            "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, name);
    }
}
