using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Sluice.LegacySimulator;
using Sluice.Operations;
using Sluice.Testing;

namespace Sluice.Tests.Deploy;

/// <summary>SIGTERM as a rolling restart sends it: not ready first, serving through the drain delay, nothing lost.</summary>
public sealed class GracefulShutdownTests
{
    // Long enough that the checks made during it finish inside it on a loaded machine.
    private static readonly TimeSpan DrainDelay = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sigterm_turns_the_node_not_ready_keeps_storing_through_the_drain_delay_and_loses_no_acknowledged_punch()
    {
        // A slow legacy system, so sends are in flight when the stop comes.
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings { Latency = TimeSpan.FromMilliseconds(100), Capacity = 100 });
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Journal:Path"] = folder.File("sluice.db");
        settings["Shutdown:DrainDelay"] = DrainDelay.ToString();
        var acknowledged = new List<Guid>();
        var node = await GatewayProcess.StartAsync(settings);
        await using (node)
        {
            await PunchLoad.RegisterEmployeesAsync(node.Client);
            using var load = PunchLoad.Start([node.Client], clients: 4);
            await Eventually.UntilAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 200, TimeSpan.FromSeconds(60), "load is under way");

            var stop = Stopwatch.StartNew();
            node.Terminate();
            await Eventually.UntilAsync(() => StatusAsync(node.Client, "/health/ready"), s => s == HttpStatusCode.ServiceUnavailable,
                TimeSpan.FromSeconds(4), "the node reports not ready at once");
            var liveWhileDraining = await StatusAsync(node.Client, "/health/live");
            using var punchWhileDraining = await PunchLoad.SendAsync(node.Client, "during-drain");
            var answeredDuringDrain = stop.Elapsed;

            var exit = await node.WaitForExitAsync(TimeSpan.FromSeconds(45));
            var stopped = stop.Elapsed;
            await load.StopAsync();

            Assert.Equal(HttpStatusCode.OK, liveWhileDraining);
            Assert.Equal(HttpStatusCode.Accepted, punchWhileDraining.StatusCode);
            Assert.True(answeredDuringDrain < DrainDelay, $"answered at {answeredDuringDrain}, after the drain delay");
            Assert.True(exit == 0, $"exit code {exit}:\n{node.Output}");
            Assert.True(stopped >= DrainDelay, $"stopped after {stopped}, before the drain delay ended");
            acknowledged.AddRange(load.Acknowledged.Values);
            acknowledged.Add((await punchWhileDraining.Content.ReadFromJsonAsync<Sluice.Punches.PunchReceipt>())!.Id);
        }

        // Started again on the same journal, it sends whatever the stop left unsent: every acknowledged punch once.
        await using var restarted = await GatewayProcess.StartAsync(settings);
        await Eventually.UntilAsync(
            async () => (await restarted.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "legacy"),
            d => d.Backlog == 0 && d.InFlight == 0, TimeSpan.FromSeconds(60), "the backlog drains after the restart");
        var applied = legacy.System.AppliedKeys().Select(Guid.Parse).ToHashSet();
        Assert.DoesNotContain(acknowledged, id => !applied.Contains(id));
        Assert.Equal(0, (await legacy.StatsAsync()).Duplicates);
    }

    [Fact]
    public async Task A_shutdown_timeout_too_short_for_the_drain_and_a_negative_delay_are_refused_together_with_exit_2()
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync("--Shutdown:DrainDelay=-00:00:01", "--Shutdown:Timeout=00:00:05");

        Assert.Equal(2, exit);
        Assert.Contains("Shutdown:DrainDelay must be between", printed, StringComparison.Ordinal);
        Assert.Contains("Shutdown:Timeout (00:00:05) must exceed Shutdown:DrainDelay", printed, StringComparison.Ordinal);
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }
}
