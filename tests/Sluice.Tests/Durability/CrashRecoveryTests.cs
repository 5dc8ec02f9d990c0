using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Sluice.Operations;
using Sluice.Punches;
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

        // Clients send with idempotency keys, as devices do, so an unanswered request can be safely repeated.
        var acknowledged = new ConcurrentDictionary<string, Guid>();
        var unanswered = new ConcurrentBag<string>();
        var gateway = await GatewayProcess.StartAsync(settings);
        using var stop = new CancellationTokenSource();
        var load = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var key = $"client-{c}-{i}";
                try
                {
                    using var response = await SendAsync(gateway.Client, key);
                    if (response.StatusCode == HttpStatusCode.Accepted)
                    {
                        acknowledged[key] = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id;
                        continue;
                    }

                    unanswered.Add(key);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
                {
                    unanswered.Add(key);
                    return;
                }
            }
        })).ToList();

        // Kill while intake and delivery are both busy.
        await Eventually.UntilAsync(() => Task.FromResult(acknowledged.Count), n => n >= 3_000, TimeSpan.FromSeconds(60), "load is under way");
        Assert.True((await legacy.StatsAsync()).Unique > 0, "deliveries were under way at the kill");
        await gateway.KillAsync();
        await stop.CancelAsync();
        await Task.WhenAll(load);
        var acknowledgedBeforeKill = acknowledged.ToDictionary();
        output.WriteLine($"Acknowledged before the kill: {acknowledgedBeforeKill.Count}; unanswered: {unanswered.Count}; delivered so far: {(await legacy.StatsAsync()).Unique}");

        await using var restarted = await GatewayProcess.StartAsync(settings);

        foreach (var (key, id) in acknowledgedBeforeKill)
        {
            using var found = await restarted.Client.GetAsync($"/api/punches/{id}");
            Assert.True(found.StatusCode == HttpStatusCode.OK, $"acknowledged punch {id} ({key}) is missing after the crash");
        }

        foreach (var key in unanswered)
        {
            using var response = await SendAsync(restarted.Client, key);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            acknowledged[key] = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id;
        }

        await Eventually.UntilAsync(
            async () => (await restarted.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "legacy"),
            d => d.Backlog == 0, TimeSpan.FromSeconds(120), "the backlog drains after the restart");

        var stats = await legacy.StatsAsync();
        output.WriteLine($"Acknowledged in all: {acknowledged.Count}; legacy received {stats.Received}, unique {stats.Unique}, duplicates {stats.Duplicates}");
        Assert.Equal(acknowledged.Count, stats.Unique);
        Assert.Equal(
            acknowledged.Values.Select(id => id.ToString()).Order(),
            legacy.System.AppliedKeys().Order());
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/punches")
        {
            Content = JsonContent.Create(new { employeeId = $"E{Math.Abs(key.GetHashCode(StringComparison.Ordinal)) % 500}", punchedAt = "2026-11-22T08:00:00-03:00", deviceId = key }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }
}
