using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc;
using Sluice.LegacySimulator;
using Sluice.Orders;
using Sluice.Testing;

namespace Sluice.Tests.Orders;

/// <summary>The orders API on a real gateway, delivering to the real simulator over loopback.</summary>
public sealed class OrdersApiTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;
    private TestGateway _gateway = null!;

    private HttpClient Client => _gateway.Client;

    public async Task InitializeAsync()
    {
        // A save that takes a random 200-500 ms, as seed 004's (scaled down), so "processing" can be seen.
        _legacy = await TestLegacy.StartAsync(new SimulatorSettings
        {
            Latency = TimeSpan.FromMilliseconds(200), LatencyMax = TimeSpan.FromMilliseconds(500),
        });
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        settings["Delivery:Destinations:orders:Path"] = "/orders";
        settings["Delivery:Destinations:orders:Concurrency"] = "50";
        _gateway = await TestGateway.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _legacy.DisposeAsync();
    }

    [Fact]
    public async Task Invalid_order_is_refused_with_every_problem_named_and_nothing_stored()
    {
        var response = await Client.PostAsJsonAsync("/api/orders",
            new { clientOrderId = "", account = "A 1", symbol = "petr4", side = "hold", quantity = 0, price = 1.1234567m });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Equal(["account", "clientOrderId", "price", "quantity", "side", "symbol"], problem.Errors.Keys.Order());
        Assert.Empty((await Client.GetFromJsonAsync<OrderList>("/api/orders"))!.Orders);

        var missing = await Client.PostAsJsonAsync("/api/orders", new { clientOrderId = "c1" });
        Assert.Equal(["account", "price", "quantity", "side", "symbol"],
            (await missing.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys.Order());
    }

    [Fact]
    public async Task Order_is_stored_then_processing_then_processed_by_the_slow_save()
    {
        // Paused, the order can only be stored: the first state is seen for certain, not by luck.
        (await Client.PostAsync("/api/destinations/orders/pause", null)).EnsureSuccessStatusCode();
        var response = await PostAsync("c-1");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<OrderReceipt>())!;
        Assert.Equal((1L, "stored"), (receipt.Id, receipt.Status));
        Assert.Equal("/api/orders/1", response.Headers.Location?.OriginalString);
        Assert.Equal("stored", (await GetAsync(1)).Status);

        (await Client.PostAsync("/api/destinations/orders/resume", null)).EnsureSuccessStatusCode();
        await Eventually.UntilAsync(() => GetAsync(1), o => o.Status != "stored", because: "the save starts");
        var processed = await Eventually.UntilAsync(() => GetAsync(1), o => o.Status == "processed", because: "the save finishes");

        Assert.Equal("delivered", Assert.Single(processed.Deliveries!).State);
        var sent = Assert.Single(_legacy.System.Requests(0, 10));
        Assert.Equal("/orders", sent.Path);
        Assert.Contains("\"id\":1,", sent.Body, StringComparison.Ordinal);
        Assert.Contains("\"clientOrderId\":\"c-1\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Order_the_save_refuses_for_good_is_failed()
    {
        await using var refusing = await TestGateway.StartAsync(new Dictionary<string, string?>(TestGateway.Defaults(_legacy.BaseAddress))
        {
            ["Delivery:Destinations:orders:Path"] = "/_sim/status/422",
        });

        (await refusing.Client.PostAsJsonAsync("/api/orders", Body("c-9"))).EnsureSuccessStatusCode();

        var order = await Eventually.UntilAsync(
            () => refusing.Client.GetFromJsonAsync<OrderView>("/api/orders/1")!, o => o!.Status == "failed", because: "the refusal dead-letters it");
        Assert.Equal("dead", Assert.Single(order!.Deliveries!).State);
    }

    [Fact]
    public async Task A_retry_gets_the_original_receipt_and_another_order_under_the_same_id_is_refused()
    {
        var first = (await (await PostAsync("dup-1")).Content.ReadFromJsonAsync<OrderReceipt>())!;

        var retry = await Client.PostAsJsonAsync("/api/orders", Body("dup-1") with { Side = "BUY", Price = 38.250m });
        var other = await Client.PostAsJsonAsync("/api/orders", Body("dup-1") with { Quantity = 200 });
        var otherAccount = await Client.PostAsJsonAsync("/api/orders", Body("dup-1") with { Account = "ACC2" });

        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(first, await retry.Content.ReadFromJsonAsync<OrderReceipt>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(2, (await otherAccount.Content.ReadFromJsonAsync<OrderReceipt>())!.Id);
        Assert.Equal(2, (await Client.GetFromJsonAsync<OrderPage>("/api/orders/pages/1"))!.TotalOrders);
    }

    [Fact]
    public async Task Keyset_id_range_and_time_slices_follow_their_next_links_to_the_end()
    {
        await PopulateAsync(250);

        var after = await FollowAsync("/api/orders?limit=100");
        Assert.Equal(Enumerable.Range(1, 250).Select(i => (long)i), after.SelectMany(l => l.Orders).Select(o => o.Id));
        Assert.Equal([100, 100, 50], after.Select(l => l.Orders.Count));
        Assert.All(after.SelectMany(l => l.Orders), o => Assert.Equal("processed", o.Status));

        var range = await FollowAsync("/api/orders?fromId=240&toId=260&limit=4");
        Assert.Equal(Enumerable.Range(240, 11).Select(i => (long)i), range.SelectMany(l => l.Orders).Select(o => o.Id));
        var empty = (await Client.GetFromJsonAsync<OrderList>("/api/orders?fromId=251&toId=400"))!;
        Assert.Empty(empty.Orders);
        Assert.Null(empty.Next);

        var firstAt = (await GetAsync(1)).AcceptedAt;
        var byTime = await FollowAsync($"/api/orders?from={Uri.EscapeDataString(firstAt.ToString("O"))}&limit=60");
        Assert.Equal(250, byTime.SelectMany(l => l.Orders).Select(o => o.Id).Distinct().Count());
        var later = $"/api/orders?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}";
        Assert.Empty((await Client.GetFromJsonAsync<OrderList>(later))!.Orders);
    }

    [Fact]
    public async Task Pages_are_id_ranges_with_a_short_last_page()
    {
        await PopulateAsync(250);

        var last = (await Client.GetFromJsonAsync<OrderPage>("/api/orders/pages/3?size=100"))!;
        Assert.Equal((3, 100, 250L, 3L), (last.Page, last.Size, last.TotalOrders, last.TotalPages));
        Assert.Equal(Enumerable.Range(201, 50).Select(i => (long)i), last.Orders.Select(o => o.Id));
        Assert.Null(last.Next);
        Assert.Equal("/api/orders/pages/2?size=100", last.Previous);
        var second = (await Client.GetFromJsonAsync<OrderPage>("/api/orders/pages/2?size=100"))!;
        Assert.Equal(Enumerable.Range(101, 100).Select(i => (long)i), second.Orders.Select(o => o.Id));
        Assert.Equal("/api/orders/pages/3?size=100", second.Next);

        var beyond = await Client.GetAsync("/api/orders/pages/4?size=100");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
        Assert.Equal(1000, (await Client.GetFromJsonAsync<OrderPage>("/api/orders/pages/1?size=1000"))!.Size);
    }

    [Theory]
    [InlineData("/api/orders?limit=1001", "limit")]
    [InlineData("/api/orders?limit=0", "limit")]
    [InlineData("/api/orders?after=-1", "after")]
    [InlineData("/api/orders?after=x", "after")]
    [InlineData("/api/orders?fromId=10&toId=5", "toId")]
    [InlineData("/api/orders?fromId=1&after=3", "after")]
    [InlineData("/api/orders?fromId=1&from=2026-11-24T00:00:00Z", "fromId")]
    [InlineData("/api/orders?from=yesterday", "from")]
    [InlineData("/api/orders?from=2026-11-24T10:00:00Z&to=2026-11-24T09:00:00Z", "to")]
    [InlineData("/api/orders/pages/0", "n")]
    [InlineData("/api/orders/pages/x", "n")]
    [InlineData("/api/orders/pages/1?size=1001", "size")]
    public async Task Bad_query_parameters_are_named_in_the_problem(string url, string parameter)
    {
        var response = await Client.GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Theory]
    [InlineData("count=0&seed=5", "count")]
    [InlineData("count=10&seed=x", "seed")]
    [InlineData("count=10&seed=-1", "seed")]
    [InlineData("count=10&seed=99999999999", "seed")]
    public async Task Bad_populate_parameters_are_named_in_the_problem(string query, string parameter)
    {
        var response = await Client.PostAsync("/api/orders/populate?" + query, null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(parameter, (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
    }

    [Fact]
    public async Task Populate_refuses_a_bad_count_and_reports_what_it_wrote()
    {
        var bad = await Client.PostAsync("/api/orders/populate?count=0", null);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("count", (await bad.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);

        var result = await PopulateAsync(1_234);

        Assert.Equal((1_234L, 1L, 1_234L), (result.Count, result.FirstId, result.LastId));
        Assert.Empty(_legacy.System.Requests(0, 10));
    }

    private static OrderBody Body(string clientOrderId) => new(clientOrderId, "ACC1", "PETR4", "buy", 100, 38.25m);

    private Task<HttpResponseMessage> PostAsync(string clientOrderId) => Client.PostAsJsonAsync("/api/orders", Body(clientOrderId));

    private async Task<OrderView> GetAsync(long id) => (await Client.GetFromJsonAsync<OrderView>($"/api/orders/{id}"))!;

    private async Task<PopulateResult> PopulateAsync(int count)
    {
        var response = await Client.PostAsync($"/api/orders/populate?count={count}&seed=5", null);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<PopulateResult>())!;
    }

    private async Task<List<OrderList>> FollowAsync(string url)
    {
        var slices = new List<OrderList>();
        for (string? next = url; next is not null && slices.Count < 100;)
        {
            var slice = (await Client.GetFromJsonAsync<OrderList>(next))!;
            slices.Add(slice);
            next = slice.Next;
        }

        return slices;
    }

    private sealed record OrderBody(string ClientOrderId, string Account, string Symbol, string Side, long Quantity, decimal Price);
}
