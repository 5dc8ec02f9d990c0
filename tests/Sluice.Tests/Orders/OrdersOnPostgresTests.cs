using System.Net;
using System.Net.Http.Json;
using Sluice.Orders;
using Sluice.Testing;

namespace Sluice.Tests.Orders;

/// <summary>Orders on the PostgreSQL journal, with two gateways on one database as behind a load balancer.</summary>
public sealed class OrdersOnPostgresTests
{
    [Fact]
    public async Task Two_nodes_taking_orders_at_once_number_them_densely_and_process_each_once()
    {
        await using var legacy = await TestLegacy.StartAsync(new() { Latency = TimeSpan.FromMilliseconds(5), Capacity = 200 });
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("orders");
        await using var first = await TestGateway.StartAsync(Node(legacy.BaseAddress, database, 1));
        await using var second = await TestGateway.StartAsync(Node(legacy.BaseAddress, database, 2));

        // 100 orders, alternating between the nodes, all in flight together so both commit batches at once.
        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i => (i % 2 == 0 ? first : second).Client.PostAsJsonAsync(
            "/api/orders", new { clientOrderId = $"pg-{i}", account = "ACC1", symbol = "VALE3", side = "sell", quantity = 10 + i, price = 61.45m })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var receipts = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<OrderReceipt>()));
        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), receipts.Select(r => r!.Id).Order());

        var all = await Eventually.UntilAsync(
            () => second.Client.GetFromJsonAsync<OrderList>("/api/orders?limit=1000")!,
            list => list!.Orders.All(o => o.Status == "processed"),
            TimeSpan.FromSeconds(30),
            "every order is processed");
        Assert.Equal(100, all!.Orders.Count);
        Assert.Equal(100, (await legacy.StatsAsync()).Unique);
        var order = (await first.Client.GetFromJsonAsync<OrderView>("/api/orders/100"))!;
        Assert.Equal("processed", order.Status);
    }

    private static Dictionary<string, string?> Node(Uri legacy, string connectionString, int node)
    {
        var settings = TestGateway.Defaults(legacy);
        settings["Journal:Engine"] = "postgres";
        settings["ConnectionStrings:Journal"] = connectionString;
        settings["Delivery:NodeId"] = $"node-{node}";
        return settings;
    }
}
