using System.Net;
using System.Net.Http.Json;
using Sluice.Operations;
using Sluice.Punches.Ledger;
using Sluice.Testing;
using Xunit.Abstractions;

namespace Sluice.Tests.Durability;

/// <summary>
/// The core promise under the worst case: a SIGKILL in the middle of intake and delivery loses nothing
/// that was acknowledged, and every acknowledged punch takes effect in the legacy system exactly once.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Clients = 24;

    [Fact]
    public async Task Every_acknowledged_punch_survives_a_SIGKILL_and_is_applied_exactly_once()
    {
        await using var legacy = await TestLegacy.StartAsync(new() { Latency = TimeSpan.FromMilliseconds(20), Capacity = 200 });
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Journal:Path"] = folder.File("sluice.db");
        settings["Delivery:Destinations:legacy:Concurrency"] = "16";

        var gateway = await GatewayProcess.StartAsync(settings);
        var establishment = await PunchLoad.RegisterEmployeesAsync(gateway.Client);
        var load = PunchLoad.Start([gateway.Client], Clients);

        // Kill while intake and delivery are both busy.
        await Eventually.UntilAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 3_000, TimeSpan.FromSeconds(60), "load is under way");
        Assert.True((await legacy.StatsAsync()).Unique > 0, "deliveries were under way at the kill");
        await gateway.KillAsync();
        await load.StopAsync();
        var acknowledgedBeforeKill = load.Acknowledged.ToDictionary();
        output.WriteLine($"Acknowledged before the kill: {acknowledgedBeforeKill.Count}; unanswered: {load.Unanswered.Count}; delivered so far: {(await legacy.StatsAsync()).Unique}");

        await using var restarted = await GatewayProcess.StartAsync(settings);

        foreach (var (key, id) in acknowledgedBeforeKill)
        {
            using var found = await restarted.Client.GetAsync($"/api/punches/{id}");
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"acknowledged punch {id} ({key}) is missing after the crash");
        }

        await load.ResendUnansweredAsync(restarted.Client);

        // The kill cut a commit short, yet the ledger has no gap and its chain holds.
        var verification = (await restarted.Client.GetFromJsonAsync<ChainVerification>($"/api/establishments/{establishment}/verify"))!;
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(load.Acknowledged.Count, verification.Punches);

        await Eventually.UntilAsync(
            async () => (await restarted.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "legacy"),
            d => d.Backlog == 0, TimeSpan.FromSeconds(120), "the backlog drains after the restart");

        var stats = await legacy.StatsAsync();
        output.WriteLine($"Acknowledged in all: {load.Acknowledged.Count}; legacy received {stats.Received}, unique {stats.Unique}, duplicates {stats.Duplicates}");
        Assert.Equal(load.Acknowledged.Count, stats.Unique);
        Assert.Equal(
            load.Acknowledged.Values.Select(id => id.ToString()).Order(),
            legacy.System.AppliedKeys().Order());
    }
}
