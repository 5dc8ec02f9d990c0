using System.Net;
using System.Net.Http.Json;
using Npgsql;
using Sluice.Operations;
using Sluice.Testing;
using Xunit.Abstractions;

namespace Sluice.Tests.Cluster;

/// <summary>Several Sluice processes on one PostgreSQL journal, as behind a load balancer.</summary>
public sealed class MultiNodeTests(ITestOutputHelper output)
{
    private static Dictionary<string, string?> NodeSettings(Uri legacy, string connectionString, int node)
    {
        var settings = TestGateway.Defaults(legacy);
        settings["Journal:Engine"] = "postgres";
        settings["ConnectionStrings:Journal"] = connectionString;
        settings["Delivery:NodeId"] = $"node-{node}";
        settings["Delivery:LeaseDuration"] = "00:00:05";
        settings["Delivery:Destinations:legacy:Concurrency"] = "8";
        return settings;
    }

    [Fact]
    public async Task Killing_one_of_three_nodes_mid_delivery_loses_nothing_and_applies_each_punch_once()
    {
        await using var legacy = await TestLegacy.StartAsync(new() { Latency = TimeSpan.FromMilliseconds(20), Capacity = 200 });
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("cluster");
        var nodes = new List<GatewayProcess>();
        foreach (var node in Enumerable.Range(0, 3))
        {
            nodes.Add(await GatewayProcess.StartAsync(NodeSettings(legacy.BaseAddress, database, node)));
        }

        try
        {
            await PunchLoad.RegisterEmployeesAsync(nodes[0].Client);
            using var load = PunchLoad.Start([.. nodes.Select(n => n.Client)], clients: 24);
            await Eventually.UntilAsync(() => Task.FromResult(load.Acknowledged.Count), n => n >= 3_000, TimeSpan.FromSeconds(60), "load is under way");
            Assert.True((await legacy.StatsAsync()).Unique > 0, "deliveries were under way at the kill");

            // Sends are held at the legacy system until node 1 is seen holding some, so the kill lands mid-delivery
            // however fast (or starved of CPU) the nodes are; at 20 ms a send a busy machine could find it idle.
            legacy.System.Configure(s => s with { Latency = TimeSpan.FromSeconds(10) });
            await Eventually.UntilAsync(() => InFlightOwnedByAsync(database, "node-1/"), n => n > 0, TimeSpan.FromSeconds(60), "node 1 is sending");
            await nodes[1].KillAsync();
            legacy.System.Configure(s => s with { Latency = TimeSpan.FromMilliseconds(20) });
            var orphaned = await InFlightOwnedByAsync(database, "node-1/");
            Assert.True(orphaned > 0, "the killed node had deliveries in flight");
            await load.StopAsync();
            output.WriteLine($"Acknowledged: {load.Acknowledged.Count}; unanswered: {load.Unanswered.Count}; in flight on the dead node: {orphaned}");

            // Clients of the dead node repeat their unanswered requests at a surviving one.
            await load.ResendUnansweredAsync(nodes[0].Client);
            foreach (var id in load.Acknowledged.Values.Take(200))
            {
                using var found = await nodes[2].Client.GetAsync($"/api/punches/{id}");
                Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            }

            // The dead node's leases expire and the survivors send that work again.
            await Eventually.UntilAsync(
                async () => (await nodes[0].Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "legacy"),
                d => d.Backlog == 0, TimeSpan.FromSeconds(120), "the backlog drains on the surviving nodes");

            var stats = await legacy.StatsAsync();
            output.WriteLine($"Legacy received {stats.Received}, unique {stats.Unique}, duplicates {stats.Duplicates}");
            Assert.Equal(load.Acknowledged.Count, stats.Unique);
            Assert.Equal(load.Acknowledged.Values.Select(id => id.ToString()).Order(), legacy.System.AppliedKeys().Order());
        }
        finally
        {
            foreach (var node in nodes)
            {
                await node.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Two_nodes_starting_together_on_an_empty_database_migrate_once_and_both_serve()
    {
        await using var legacy = await TestLegacy.StartAsync();
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("fresh");
        var starting = Enumerable.Range(0, 2).Select(async node =>
        {
            var settings = NodeSettings(legacy.BaseAddress, database, node);
            settings["Logging:LogLevel:Sluice.Journal"] = "Information";
            return await GatewayProcess.StartAsync(settings);
        }).ToList();

        await using var first = await starting[0];
        await using var second = await starting[1];

        var applied = new[] { first, second }.Sum(n => n.Output.Split('\n').Count(l => l.Contains("schema migration 1 applied", StringComparison.Ordinal)));
        Assert.Equal(1, applied);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM sluice.schema_migrations WHERE version = 1", connection);
            Assert.Equal(1L, await count.ExecuteScalarAsync());
        }

        await PunchLoad.RegisterEmployeesAsync(first.Client);
        foreach (var node in new[] { first, second })
        {
            using var response = await PunchLoad.SendAsync(node.Client, $"fresh-{node.BaseAddress.Port}");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        }
    }

    [Fact]
    public async Task Migrate_command_prepares_the_schema_ahead_of_start_and_refuses_a_missing_connection_string()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("migrate");

        var (exit, printed) = await SluiceCli.RunAsync("migrate", "--Journal:Engine=postgres", $"--ConnectionStrings:Journal={database}");

        Assert.True(exit == 0, printed);
        await using (var connection = new NpgsqlConnection(database))
        {
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand("SELECT COUNT(*) FROM sluice.schema_migrations", connection);
            Assert.True((long)(await count.ExecuteScalarAsync())! >= 1);
        }

        var (missingExit, missingPrinted) = await SluiceCli.RunAsync("migrate", "--Journal:Engine=postgres");
        Assert.Equal(2, missingExit);
        Assert.Contains("ConnectionStrings:Journal is required", missingPrinted, StringComparison.Ordinal);
    }

    private static async Task<long> InFlightOwnedByAsync(string database, string ownerPrefix)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand(
            "SELECT COUNT(*) FROM sluice.deliveries WHERE status = 1 AND starts_with(lease_owner, $1)", connection);
        count.Parameters.Add(new() { Value = ownerPrefix });
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
