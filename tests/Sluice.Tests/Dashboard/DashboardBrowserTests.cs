using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Sluice.LegacySimulator;
using Sluice.Punches;
using Sluice.Security;
using Sluice.Testing;
using Sluice.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Sluice.Tests.Dashboard;

/// <summary>
/// The dashboard in a real browser, one test per state a reader meets (idle, busy, legacy down, dead letters), each
/// asserting the words on the page and keeping a screenshot; plus replay and discard from the page and a phone layout.
/// </summary>
public sealed partial class DashboardBrowserTests : BrowserGatewayTest
{
    private const string Node = "node-a";
    private readonly ConcurrentQueue<string> _scriptErrors = new();

    /// <summary>Slow enough, with a small limit, that a backlog builds under load and drains after.</summary>
    protected override SimulatorSettings LegacySettings => new() { Latency = TimeSpan.FromMilliseconds(20), Capacity = 50 };

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Delivery:NodeId"] = Node;
        settings["Delivery:Destinations:legacy:Concurrency"] = "4";
        settings["Delivery:Destinations:legacy:CircuitBreaker:MinimumThroughput"] = "2";
        settings["Delivery:Destinations:legacy:CircuitBreaker:BreakDuration"] = "00:01:00";
        settings["Observability:DashboardInterval"] = "00:00:00.250";
        settings["Observability:StatsMaxAge"] = "00:00:00.200";
    }

    [Fact]
    public async Task Idle_reads_as_up_to_date_with_nothing_waiting_and_empty_charts_keep_their_axes()
    {
        var page = await OpenAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
        var legacy = page.Locator("[data-destination=\"legacy\"]");
        await Expect(legacy.Locator(".state")).ToHaveTextAsync("up to date: nothing waiting");
        await Expect(legacy.Locator(".circuit")).ToHaveTextAsync("circuit closed");
        await Expect(legacy.Locator(".backlog")).ToHaveTextAsync("0");
        await Expect(legacy.Locator(".oldest")).ToHaveTextAsync("nothing waits");
        await Expect(legacy.Locator(".drains")).ToHaveTextAsync("nothing waits");
        await Expect(legacy.Locator(".nodes")).ToHaveTextAsync("none right now");
        await Expect(legacy.Locator(".latency")).ToHaveTextAsync("no answers in the last minute");
        await Expect(page.Locator("#node")).ToHaveTextAsync($"node {Node}");
        await Expect(page.Locator("#dead-count")).ToHaveTextAsync("0");
        await Expect(page.Locator("#dead-letters")).ToHaveTextAsync("None.");

        // The delivered-per-second chart has a value axis from 0 and a time axis of 24-hour times, titled.
        var rate = legacy.Locator(".rate-chart");
        await Expect(rate.Locator("text.y-tick")).ToHaveTextAsync(["0", "0.5", "1"]);
        await Expect(rate.Locator("text.y-title")).ToHaveTextAsync("per second");
        await Expect(rate.Locator("text.x-title")).ToHaveTextAsync("time");
        await Expect(rate.Locator("text.x-tick")).ToHaveCountAsync(3);
        await Expect(rate.Locator("text.x-tick").First).ToHaveTextAsync(new Regex("^([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d$"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-idle.png"), FullPage = true });

        var portuguese = await OpenAsync("pt-BR");
        var legado = portuguese.Locator("[data-destination=\"legacy\"]");
        await Expect(legado.Locator(".state")).ToHaveTextAsync("em dia: nada esperando");
        await Expect(legado.Locator(".circuit")).ToHaveTextAsync("circuito fechado");
        await Expect(legado.Locator(".rate-chart text.x-title")).ToHaveTextAsync("hora");
        await portuguese.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-idle-pt-BR.png"), FullPage = true });
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task Under_load_the_numbers_move_and_a_dead_letter_is_replayed_from_the_page()
    {
        // One punch the legacy system refuses for good: a dead letter to replay.
        var dead = (await RefusedPunchesAsync("4242")).Single();

        var page = await OpenAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
        var legacy = page.Locator("[data-destination=\"legacy\"]");
        await Expect(legacy).ToBeVisibleAsync();
        var deadRow = page.Locator($"#dead-letters li[data-id=\"{dead}\"]");
        await Expect(deadRow).ToContainTextAsync("422");
        await Expect(page.Locator("#dead-count")).ToHaveTextAsync("1");
        await Expect(page.Locator("#errors")).ToContainTextAsync("dead-lettered");
        // The refusal is also the legacy system's latest answer: its status and size.
        await Expect(page.Locator($"#replies li[data-id=\"{dead}\"]")).ToContainTextAsync("422 · ");

        await PunchLoad.RegisterEmployeesAsync(Gateway.Client);

        using var load = PunchLoad.Start([Gateway.Client], clients: 4);
        try
        {
            // Intake rate above zero, and the totals climbing from one update to the next.
            await Eventually.UntilAsync(() => NumberAsync(page, "#intake-rate"), r => r > 0, because: "the intake rate shows the load");
            var intake = await NumberAsync(page, "#intake-total");
            var delivered = await NumberAsync(legacy.Locator(".delivered"));
            await Eventually.UntilAsync(() => NumberAsync(page, "#intake-total"), n => n > intake, because: "the intake total climbs");
            await Eventually.UntilAsync(() => NumberAsync(legacy.Locator(".delivered")), n => n > delivered, because: "deliveries climb");
            await Eventually.UntilAsync(() => NumberAsync(legacy.Locator(".rate")), r => r > 0, because: "the delivery rate shows");
            await Eventually.UntilAsync(() => NumberAsync(legacy.Locator(".backlog")), b => b > 0, because: "a backlog builds behind the limit of 4");

            // Busy, in words: how long the backlog takes at this pace, how old its oldest message is, who sends it, how fast
            // the legacy system answers. Each is read while it holds: a backlog can empty between two updates.
            await Eventually.UntilAsync(() => legacy.Locator(".state").InnerTextAsync(), s => Drains().IsMatch(s), because: "the state says when the backlog drains");
            await Eventually.UntilAsync(() => legacy.Locator(".drains").InnerTextAsync(), s => Duration().IsMatch(s), because: "the drain time shows");
            await Eventually.UntilAsync(() => legacy.Locator(".oldest").InnerTextAsync(), s => s.EndsWith(')') && s.Contains(" ago (", StringComparison.Ordinal), because: "the oldest waiting message's age shows");
            await Eventually.UntilAsync(() => legacy.Locator(".nodes").InnerTextAsync(), s => s == Node, because: "the node sending shows");
            await Expect(legacy.Locator(".latency")).ToHaveTextAsync(new Regex("^[\\d.,]+ ms / [\\d.,]+ ms$"));
            var (p50, p99) = await LatencyAsync(legacy);
            // The simulator answers in 20 ms plus its queue: never faster, and p99 is never below the median.
            Assert.InRange(p50, 19, 5_000);
            Assert.True(p99 >= p50, $"p99 {p99} ms is below p50 {p50} ms");
            Assert.True(await page.Locator("#intake-chart polyline").GetAttributeAsync("points") is { Length: > 0 }, "the intake chart is drawn");
            Assert.True(await legacy.Locator(".rate-chart polyline").GetAttributeAsync("points") is { Length: > 0 }, "the delivered chart is drawn");
            await Eventually.UntilAsync(() => legacy.Locator(".rate-chart text.y-tick").Last.TextContentAsync(), top => double.Parse(top!.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) > 1,
                because: "the value axis scales to the delivered rate");
            await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-under-load.png"), FullPage = true });
        }
        finally
        {
            await load.StopAsync();
        }

        // Replay from the page: the server confirms, the row goes, and the legacy system gets the punch.
        await deadRow.Locator("button.replay").ClickAsync();
        await Expect(page.Locator("#action")).ToHaveTextAsync("Replayed 1 message(s).");
        await Expect(deadRow).ToHaveCountAsync(0);
        await Expect(page.Locator("#dead-count")).ToHaveTextAsync("0");
        await Eventually.UntilAsync(
            () => Task.FromResult(Legacy.System.AppliedKeys().Contains(dead.ToString())), applied => applied, because: "the replayed punch reaches the legacy system");
        await Eventually.UntilAsync(() => NumberAsync(legacy.Locator(".backlog")), b => b == 0, timeout: TimeSpan.FromSeconds(60), because: "the backlog drains");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-drained.png"), FullPage = true });
        Assert.Empty(_scriptErrors);
    }

    [Fact]
    public async Task Dead_letters_are_discarded_one_by_one_and_replayed_all_at_once_from_the_page()
    {
        var dead = await RefusedPunchesAsync("5101", "5102", "5103");
        var (discarded, replayed) = (dead[0], dead[1..]);

        var page = await OpenAsync();
        var row = page.Locator($"#dead-letters li[data-id=\"{discarded}\"]");
        await Expect(row).ToContainTextAsync(discarded.ToString());
        await Expect(page.Locator("#dead-count")).ToHaveTextAsync("3");
        // Whose punch, when it failed, and the legacy system's sentence instead of its JSON (which stays in the tooltip).
        await Expect(row.Locator(".subject")).ToHaveTextAsync("employee 5101 · Employee 5101");
        await Expect(row.Locator(".when")).ToHaveTextAsync(new Regex("^failed \\d{2}/\\d{2}, ([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d$"));
        await Expect(row.Locator(".why")).ToHaveTextAsync("1 attempt(s): Refused permanently: HTTP 422 Unprocessable Entity — Legacy system refuses the request (422)");
        await Expect(row.Locator(".why")).ToHaveAttributeAsync("title", new Regex("^Refused permanently: HTTP 422 Unprocessable Entity: \\{"));
        Assert.DoesNotContain("{", await page.Locator("#dead-letters").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-dead-letters.png"), FullPage = true });

        // Pressed while the list is redrawn: the page updates every 250 ms, and a press must not be lost to an update.
        await PressAcrossAnUpdateAsync(page, row.Locator("button.discard"));
        await Expect(page.Locator("#action")).ToHaveTextAsync("Discarded 1 message: kept for audit, never delivered.");
        await Expect(row).ToHaveCountAsync(0);
        await Expect(page.Locator("#dead-count")).ToHaveTextAsync("2");

        await page.Locator("[data-destination=\"legacy\"] button.replay-all").ClickAsync();
        await Expect(page.Locator("#action")).ToHaveTextAsync("Replayed 2 message(s).");
        await Expect(page.Locator("#dead-count")).ToHaveTextAsync("0");
        await Expect(page.Locator("[data-destination=\"legacy\"] button.replay-all")).ToBeHiddenAsync();
        await Eventually.UntilAsync(
            () => Task.FromResult(Legacy.System.AppliedKeys()), k => replayed.All(id => k.Contains(id.ToString())),
            because: "the replayed punches reach the legacy system");
        Assert.DoesNotContain(discarded.ToString(), Legacy.System.AppliedKeys());
    }

    [Fact]
    public async Task On_a_phone_size_screen_nothing_overflows_sideways()
    {
        var phone = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });
        await phone.GotoAsync(DashboardAddress("pt-BR"));
        await Expect(phone.Locator("[data-destination=\"legacy\"]")).ToBeVisibleAsync();
        var overflow = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"the page is {overflow} px wider than the screen");
        var card = await phone.Locator("[data-destination=\"legacy\"]").BoundingBoxAsync();
        Assert.True(card!.Width <= 375, $"the destination card is {card.Width} px wide");
        await phone.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-phone.png"), FullPage = true });
    }

    [Fact]
    public async Task A_token_given_in_the_address_is_sent_as_a_bearer_header_and_removed_from_the_address()
    {
        var dead = (await RefusedPunchesAsync("4343")).Single();

        var page = await Browser.NewPageAsync();
        var sent = new System.Collections.Concurrent.ConcurrentQueue<(string Path, string? Authorization)>();
        page.Request += (_, request) =>
        {
            var uri = new Uri(request.Url);
            if (uri.AbsolutePath.StartsWith("/dashboard/events", StringComparison.Ordinal) || uri.AbsolutePath.StartsWith("/api/", StringComparison.Ordinal))
            {
                sent.Enqueue((uri.AbsolutePath, request.Headers.GetValueOrDefault("authorization")));
            }
        };
        var token = TestCredentials.Token(SluiceRoles.Admin);
        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/dashboard?lang=en#token=" + Uri.EscapeDataString(token)).ToString());
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);
        await page.Locator($"#dead-letters li[data-id=\"{dead}\"] button.replay").ClickAsync();
        await Expect(page.Locator("#action")).ToHaveTextAsync("Replayed 1 message(s).");

        Assert.Contains(sent, r => r.Path == "/dashboard/events");
        Assert.Contains(sent, r => r.Path == "/api/dead-letters/replay");
        Assert.All(sent, r => Assert.Equal("Bearer " + token, r.Authorization));
    }

    [Fact]
    public async Task Without_a_token_the_page_asks_for_one_instead_of_showing_zeros_and_signs_in_with_it()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/dashboard?lang=en").ToString());
        await Expect(page.Locator("#connection")).ToContainTextAsync("not authorized (401)");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#content")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-sign-in.png"), FullPage = true });

        await page.Locator("#sign-in-token").FillAsync(TestCredentials.Token(SluiceRoles.Auditor));
        await page.Locator("#sign-in button").ClickAsync();
        await Expect(page.Locator("#connection")).ToHaveTextAsync("live");
        await Expect(page.Locator("#sign-in")).ToBeHiddenAsync();
        await Expect(page.Locator("[data-destination=\"legacy\"] .state")).ToHaveTextAsync("up to date: nothing waiting");
        await Expect(page.Locator("#node")).ToContainTextAsync("node ");
    }

    [Fact]
    public async Task A_legacy_system_that_keeps_failing_reads_as_unreachable_with_when_it_is_tried_again()
    {
        // Every send fails: the circuit opens after a few (minimum throughput 2) and stays open for a minute.
        await Legacy.ConfigureAsync(new { outage = true });
        await PunchLoad.RegisterEmployeesAsync(Gateway.Client);
        for (var i = 0; i < 6; i++)
        {
            using var accepted = await PunchLoad.SendAsync(Gateway.Client, $"down-{i}");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var page = await OpenAsync();
        var legacy = page.Locator("[data-destination=\"legacy\"]");
        await Expect(legacy.Locator(".state")).ToHaveTextAsync(new Regex("^legacy unreachable — retrying in \\d+ s$"));
        await Expect(legacy.Locator(".circuit")).ToHaveTextAsync("circuit open");
        await Expect(legacy.Locator(".oldest")).ToContainTextAsync(" ago (");
        await Expect(legacy.Locator(".drains")).ToHaveTextAsync("no deliveries lately");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-legacy-down.png"), FullPage = true });

        // Without ?lang the page speaks Portuguese, the language of the people who run a Brazilian time clock.
        var portuguese = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await portuguese.GotoAsync(new Uri(Gateway.BaseAddress, "/dashboard").ToString() + "#token=" + Uri.EscapeDataString(TestCredentials.Token(SluiceRoles.Admin)));
        var legado = portuguese.Locator("[data-destination=\"legacy\"]");
        await Expect(legado.Locator(".state")).ToHaveTextAsync(new Regex("^legacy inacessível — nova tentativa em \\d+ s$"));
        await Expect(legado.Locator(".circuit")).ToHaveTextAsync("circuito aberto");
        await Expect(portuguese.Locator("#connection")).ToHaveTextAsync("ao vivo");
        await portuguese.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("dashboard-legacy-down-pt-BR.png"), FullPage = true });
    }

    [GeneratedRegex("^backlog drains in about \\d+ (s|min|h) at the current pace$")]
    private static partial Regex Drains();

    [GeneratedRegex("^\\d+ (s|min|h)$")]
    private static partial Regex Duration();

    private static async Task<(double P50, double P99)> LatencyAsync(ILocator destination)
    {
        var parts = (await destination.Locator(".latency").InnerTextAsync()).Split(" / ");
        static double Ms(string text) => double.Parse(text.Replace(" ms", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        return (Ms(parts[0]), Ms(parts[1]));
    }

    /// <summary>The page in English (Portuguese is the default), with an admin's token in the fragment (replaying needs manage).</summary>
    /// <summary>
    /// Presses the button, holds it down while the page draws two updates, and lets go: a person's click on a list
    /// that refreshes under the pointer.
    /// </summary>
    private static async Task PressAcrossAnUpdateAsync(IPage page, ILocator button)
    {
        await button.HoverAsync(); // scrolled into view, the pointer on its middle
        await page.Mouse.DownAsync();
        // Every update draws the intake chart anew (one batch of changes to its children each).
        await page.EvaluateAsync("""
            () => new Promise(done => {
              let updates = 0;
              new MutationObserver((_, observer) => { if (++updates === 2) { observer.disconnect(); done(); } })
                .observe(document.getElementById("intake-chart"), { childList: true });
            })
            """);
        await page.Mouse.UpAsync();
    }

    /// <summary>The dashboard on a desktop-sized page, signed in as admin; the page's script errors go to <see cref="_scriptErrors"/>.</summary>
    private async Task<IPage> OpenAsync(string language = "en")
    {
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        page.PageError += (_, e) => _scriptErrors.Enqueue(e);
        await page.GotoAsync(DashboardAddress(language));
        return page;
    }

    private string DashboardAddress(string language = "en") =>
        new Uri(Gateway.BaseAddress, $"/dashboard?lang={language}").ToString() + "#token=" + Uri.EscapeDataString(TestCredentials.Token(SluiceRoles.Admin));

    private static async Task<double> NumberAsync(IPage page, string selector) => await NumberAsync(page.Locator(selector));

    private static async Task<double> NumberAsync(ILocator locator) =>
        double.Parse((await locator.InnerTextAsync()).Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private async Task<Guid> PostPunchAsync(string employee)
    {
        using var response = await Gateway.PostPunchAsync(employee);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id;
    }

    /// <summary>
    /// One punch per employee, each refused for good by the legacy system (422) and waited for until it is a dead
    /// letter; the legacy system accepts again after.
    /// </summary>
    private async Task<Guid[]> RefusedPunchesAsync(params string[] employees)
    {
        await Legacy.ConfigureAsync(new { rejectStatus = 422 });
        var ids = new Guid[employees.Length];
        for (var i = 0; i < employees.Length; i++)
        {
            ids[i] = await PostPunchAsync(employees[i]);
        }

        await Eventually.UntilAsync(Gateway.DeadLettersAsync, d => d.Count == ids.Length, because: "the refused punches are dead-lettered");
        await Legacy.ConfigureAsync(new { rejectStatus = 0 });
        return ids;
    }
}
