using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Sluice.Journal;
using Sluice.Journal.Sqlite;
using Sluice.Operations;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Delivery;

/// <summary>The delivery engine against the real simulator: retries, dead letters, replay, circuit, leases.</summary>
public sealed class DeliveryTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;

    public async Task InitializeAsync() => _legacy = await TestLegacy.StartAsync();

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    private Task<TestGateway> StartGatewayAsync(params (string Key, string Value)[] overrides)
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return TestGateway.StartAsync(settings);
    }

    private static async Task<PunchReceipt> PunchAsync(TestGateway gateway, string employee = "2001") =>
        (await (await gateway.PostPunchAsync(employee)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PunchReceipt>())!;

    private static Task<PunchView> WaitForStatusAsync(TestGateway gateway, Guid id, string status, string? because = null) =>
        Eventually.UntilAsync(
            async () => (await gateway.Client.GetFromJsonAsync<PunchView>($"/api/punches/{id}"))!,
            v => v.Status == status, because: because ?? $"punch {id} is {status}");

    [Fact]
    public async Task A_failed_send_is_retried_until_the_legacy_system_takes_it()
    {
        await using var gateway = await StartGatewayAsync();
        await _legacy.ConfigureAsync(new { outage = true });
        var receipt = await PunchAsync(gateway);

        var retrying = await WaitForStatusAsync(gateway, receipt.Id, "retrying");
        Assert.Contains("503", Assert.Single(retrying.Deliveries).LastError, StringComparison.Ordinal);

        await _legacy.ConfigureAsync(new { outage = false });
        var delivered = await WaitForStatusAsync(gateway, receipt.Id, "delivered");

        Assert.True(Assert.Single(delivered.Deliveries).Attempts >= 2);
        Assert.Equal(1, (await _legacy.StatsAsync()).Unique);
    }

    [Fact]
    public async Task A_permanent_refusal_goes_straight_to_the_dead_letters()
    {
        await using var gateway = await StartGatewayAsync(("Delivery:Destinations:legacy:Path", "/_sim/status/422"));
        var receipt = await PunchAsync(gateway);

        var dead = await WaitForStatusAsync(gateway, receipt.Id, "dead-lettered");

        Assert.Equal(1, Assert.Single(dead.Deliveries).Attempts);
        var letter = Assert.Single(await gateway.DeadLettersAsync());
        Assert.Equal(receipt.Id, letter.MessageId);
        Assert.Contains("422", letter.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_delivers_a_dead_letter_once()
    {
        await using var gateway = await StartGatewayAsync(("Delivery:Destinations:legacy:MaxAttempts", "1"));
        await _legacy.ConfigureAsync(new { outage = true });
        var receipt = await PunchAsync(gateway);
        var dead = await WaitForStatusAsync(gateway, receipt.Id, "dead-lettered");
        Assert.StartsWith("Gave up after 1 attempts", Assert.Single(dead.Deliveries).LastError, StringComparison.Ordinal);
        await _legacy.ConfigureAsync(new { outage = false });

        var replay = await gateway.Client.PostAsJsonAsync("/api/dead-letters/replay", new ReplayRequest([receipt.Id], null));

        Assert.Equal(1, (await replay.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<ReplayResult>())!.Replayed);
        await WaitForStatusAsync(gateway, receipt.Id, "delivered");
        Assert.Empty(await gateway.DeadLettersAsync());
        var stats = await _legacy.StatsAsync();
        Assert.Equal((1, 0), (stats.Unique, stats.Duplicates));
    }

    [Fact]
    public async Task Discarded_dead_letter_is_never_delivered()
    {
        await using var gateway = await StartGatewayAsync(("Delivery:Destinations:legacy:Path", "/_sim/status/400"));
        var receipt = await PunchAsync(gateway);
        await WaitForStatusAsync(gateway, receipt.Id, "dead-lettered");

        var discard = await gateway.Client.DeleteAsync($"/api/dead-letters/{receipt.Id}");

        Assert.Equal(System.Net.HttpStatusCode.NoContent, discard.StatusCode);
        await WaitForStatusAsync(gateway, receipt.Id, "discarded");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await gateway.Client.DeleteAsync($"/api/dead-letters/{receipt.Id}")).StatusCode);
    }

    [Fact]
    public async Task Replay_without_a_filter_is_refused()
    {
        await using var gateway = await StartGatewayAsync();

        var response = await gateway.Client.PostAsJsonAsync("/api/dead-letters/replay", new ReplayRequest(null, null));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("after=x", "after")]
    [InlineData("after=-1", "after")]
    [InlineData("limit=0", "limit")]
    public async Task A_bad_dead_letter_page_query_is_named_in_the_problem(string query, string parameter)
    {
        await using var gateway = await StartGatewayAsync();

        var response = await gateway.Client.GetAsync("/api/dead-letters?" + query);

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task The_circuit_opens_on_repeated_failures_and_closes_when_the_system_recovers()
    {
        await using var gateway = await StartGatewayAsync(
            ("Delivery:Destinations:legacy:CircuitBreaker:MinimumThroughput", "3"),
            ("Delivery:Destinations:legacy:CircuitBreaker:SamplingDuration", "00:00:05"),
            ("Delivery:Destinations:legacy:CircuitBreaker:BreakDuration", "00:00:01"));
        await _legacy.ConfigureAsync(new { outage = true });
        var receipts = new List<PunchReceipt>();
        for (var i = 0; i < 6; i++)
        {
            receipts.Add(await PunchAsync(gateway, $"30{i:00}"));
        }

        await WaitForCircuitAsync(gateway, "open");
        await _legacy.ConfigureAsync(new { outage = false });

        await WaitForCircuitAsync(gateway, "closed");
        foreach (var receipt in receipts)
        {
            await WaitForStatusAsync(gateway, receipt.Id, "delivered");
        }

        Assert.Equal(6, (await _legacy.StatsAsync()).Unique);
    }

    [Fact]
    public async Task Work_leased_by_a_worker_that_died_is_sent_again_when_its_lease_expires()
    {
        using var folder = new TempFolder();
        var path = folder.File("sluice.db");
        var id = Guid.CreateVersion7();
        await using (var journal = new SqliteJournal(Options.Create(new SqliteJournalOptions { Path = path })))
        {
            await journal.InitializeAsync(CancellationToken.None);
            var now = DateTimeOffset.UtcNow;
            var punch = System.Text.Encoding.UTF8.GetBytes($"{{\"id\":\"{id}\",\"employeeId\":\"4001\",\"punchedAt\":\"2026-11-22T08:00:00-03:00\",\"deviceId\":null,\"receivedAt\":\"{now:O}\"}}");
            await journal.AppendAsync([new NewMessage(id, PunchIntake.Kind, punch, "application/json", ["legacy"], now)], CancellationToken.None);

            // A node leases the work and dies before recording any outcome.
            var leased = await journal.LeaseAsync(new LeaseRequest("legacy", 10, "dead-node", now, TimeSpan.FromSeconds(1)), CancellationToken.None);
            Assert.Single(leased);
        }

        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(_legacy.BaseAddress), path);
        var delivered = await WaitForStatusAsync(gateway, id, "delivered", "the expired lease is taken over");
        Assert.Equal(2, Assert.Single(delivered.Deliveries).Attempts);
        Assert.Equal(id.ToString(), Assert.Single(_legacy.System.Requests(0, 10)).IdempotencyKey);
    }

    private static Task<DestinationView> WaitForCircuitAsync(TestGateway gateway, string state) =>
        Eventually.UntilAsync(
            async () => (await gateway.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "legacy"),
            d => d.Circuit == state, because: $"the circuit is {state}");
}
