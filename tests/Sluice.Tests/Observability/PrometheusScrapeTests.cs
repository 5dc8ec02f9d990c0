using System.Net;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Observability;

/// <summary>/metrics as Prometheus itself reads it: Debian's Prometheus scrapes it, and promtool lints it.</summary>
public sealed class PrometheusScrapeTests
{
    [Fact]
    public async Task Prometheus_scrapes_the_gateway_and_promtool_finds_nothing_wrong_in_the_exposition()
    {
        await using var legacy = await TestLegacy.StartAsync();
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Journal:Path"] = folder.File("sluice.db");
        await using var gateway = await GatewayProcess.StartAsync(settings);
        await PunchLoad.RegisterEmployeesAsync(gateway.Client);
        for (var i = 0; i < 20; i++)
        {
            using var accepted = await PunchLoad.SendAsync(gateway.Client, $"scrape-{i}");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        // Every kind of series present (counters, gauges, histograms) once the punches are delivered.
        var scraped = await Eventually.UntilAsync(
            async () => await PrometheusText.ScrapeAsync(gateway.Client),
            m => m.Sum("sluice_destination_delivered", "destination=\"legacy\"") == 20,
            because: "the punches are delivered");
        var (lintExit, lint) = await PrometheusServer.CheckMetricsAsync(scraped.Text);
        Assert.True(lintExit == 0, $"promtool check metrics: exit {lintExit}\n{lint}\n---\n{scraped.Text}");
        Assert.True(lint.Trim().Length == 0, $"promtool check metrics found problems:\n{lint}");

        // The reader role is enough to scrape: the token Prometheus is given has nothing more.
        await using var prometheus = await PrometheusServer.StartAsync(gateway.BaseAddress, TestCredentials.Token(SluiceRoles.Auditor));
        var up = await Eventually.UntilAsync(
            () => prometheus.QueryAsync("up{job=\"sluice\"}"), r => r.Count == 1 && r[0].Value == 1, TimeSpan.FromSeconds(60),
            "Prometheus scrapes the gateway successfully");
        var committed = await Eventually.UntilAsync(
            () => prometheus.QueryAsync("sluice_journal_committed_total"), r => r.Sum(s => s.Value) >= 20, TimeSpan.FromSeconds(60),
            "Prometheus holds the journal's commit counter");
        Assert.All(committed, s => Assert.Equal("sluice", s.Labels["job"]));
        var delivered = await prometheus.QueryAsync("sluice_destination_delivered{destination=\"legacy\"}");
        Assert.Equal(20, Assert.Single(delivered).Value);
        Assert.True(up.Count == 1, prometheus.Output);
    }
}
