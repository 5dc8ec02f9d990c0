using System.Net;
using Sluice.Testing;

namespace Sluice.Tests.Observability;

/// <summary>/metrics in Prometheus text: the named series exist and move under load.</summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;

    public async Task InitializeAsync() => _legacy = await TestLegacy.StartAsync();

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    [Fact]
    public async Task Scraping_under_load_shows_intake_journal_and_delivery_series_moving()
    {
        // Its own process, as in production: ASP.NET Core's HTTP instruments belong to one host per process.
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        settings["Journal:Path"] = folder.File("sluice.db");
        settings["Delivery:Destinations:legacy:Concurrency"] = "8";
        await using var gateway = await GatewayProcess.StartAsync(settings);
        using var first = await gateway.Client.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("text/plain", first.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        var before = new PrometheusText(await first.Content.ReadAsStringAsync());

        await PunchLoad.RegisterEmployeesAsync(gateway.Client);

        var load = PunchLoad.Start([gateway.Client], clients: 4);
        await Eventually.UntilAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 200, because: "200 punches acknowledged");
        // Scrapes are cached for a moment (300 ms), so the next fresh one is awaited.
        await Eventually.UntilAsync(
            async () => await PrometheusText.ScrapeAsync(gateway.Client),
            m => Moved(before, m, "sluice_journal_committed_total") >= 200 && m.Sum("sluice_destination_backlog", "destination=\"legacy\"") is not null,
            because: "the series move while the load runs");
        await load.StopAsync();

        await Eventually.UntilAsync(
            async () => await PrometheusText.ScrapeAsync(gateway.Client),
            m => m.Sum("sluice_destination_delivered", "destination=\"legacy\"") >= load.Acknowledged.Count
                && m.Sum("sluice_destination_backlog", "destination=\"legacy\"") == 0,
            because: "all delivered and the backlog drained, as the gauges tell");

        // The next punch is refused permanently, so it is dead-lettered.
        await _legacy.ConfigureAsync(new { rejectStatus = 422 });
        Assert.Equal(HttpStatusCode.Accepted, (await PunchLoad.SendAsync(gateway.Client, "refused")).StatusCode);
        var after = await Eventually.UntilAsync(
            async () => await PrometheusText.ScrapeAsync(gateway.Client),
            m => m.Sum("sluice_destination_dead", "destination=\"legacy\"") == 1,
            because: "the refused punch shows as a dead letter");

        // Intake rate and latency (ASP.NET Core's own histogram, by route), journal commits, delivery.
        Assert.True(Moved(before, after, "http_server_request_duration_seconds_count", "http_route=\"/api/punches/\"") >= 201, after.Text);
        Assert.True(Moved(before, after, "sluice_journal_committed_total") >= 201);
        Assert.True(Moved(before, after, "sluice_journal_commit_batch_size_count") >= 1);
        Assert.True(Moved(before, after, "sluice_journal_commit_duration_seconds_bucket", "le=\"+Inf\"") >= 1);
        Assert.True(Moved(before, after, "sluice_delivery_sent_total", "destination=\"legacy\"", "outcome=\"delivered\"") >= 200);
        Assert.Equal(1, Moved(before, after, "sluice_delivery_sent_total", "destination=\"legacy\"", "outcome=\"dead_letter\""));
        Assert.True(Moved(before, after, "sluice_delivery_send_duration_seconds_count", "destination=\"legacy\"") >= 201);

        // Live state of the worker: limit, in flight, circuit (0 closed).
        Assert.Equal(8, after.Sum("sluice_delivery_concurrency_limit", "destination=\"legacy\""));
        Assert.Equal(0, after.Sum("sluice_delivery_in_flight", "destination=\"legacy\""));
        Assert.Equal(0, after.Sum("sluice_delivery_circuit_state", "destination=\"legacy\""));
        Assert.Equal(0, after.Sum("sluice_destination_retrying", "destination=\"legacy\""));
    }

    [Fact]
    public async Task Retries_and_an_open_circuit_show_in_the_series()
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        settings["Punches:Destinations:0"] = "outage";
        settings["Delivery:Destinations:outage:BackoffBase"] = "00:00:00.050";
        settings["Delivery:Destinations:outage:BackoffMax"] = "00:00:00.200";
        settings["Delivery:Destinations:outage:CircuitBreaker:MinimumThroughput"] = "2";
        settings["Delivery:Destinations:outage:CircuitBreaker:BreakDuration"] = "00:01:00";
        await using var gateway = await TestGateway.StartAsync(settings);
        await _legacy.ConfigureAsync(new { outage = true });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await gateway.PostPunchAsync($"80{i}")).StatusCode);
        }

        var metrics = await Eventually.UntilAsync(
            async () => await PrometheusText.ScrapeAsync(gateway.Client),
            m => m.Sum("sluice_delivery_circuit_state", "destination=\"outage\"") == 2,
            because: "the circuit opens during the outage");
        Assert.True(metrics.Sum("sluice_delivery_sent_total", "destination=\"outage\"", "outcome=\"retry\"") >= 2);
        await Eventually.UntilAsync(
            async () => await PrometheusText.ScrapeAsync(gateway.Client),
            m => m.Sum("sluice_destination_retrying", "destination=\"outage\"") >= 1 && m.Sum("sluice_destination_backlog", "destination=\"outage\"") == 5,
            because: "the journal counts show the retries waiting");
    }

    private static double Moved(PrometheusText before, PrometheusText after, string name, params string[] labels) =>
        (after.Sum(name, labels) ?? 0) - (before.Sum(name, labels) ?? 0);
}
