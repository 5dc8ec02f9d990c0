using System.Net;
using System.Net.Http.Json;
using Sluice.Operations;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Delivery.Pace;

/// <summary>A destination that takes several messages per request, against the real simulator.</summary>
public sealed class BatchDeliveryTests
{
    [Fact]
    public async Task A_batch_destination_sends_many_messages_per_request_in_the_configured_shape()
    {
        await using var legacy = await TestLegacy.StartAsync();
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Delivery:Destinations:legacy:Path"] = "/batch";
        settings["Delivery:Destinations:legacy:Batch:Size"] = "10";
        settings["Delivery:Destinations:legacy:Batch:Shape"] = "envelope";
        settings["Delivery:Destinations:legacy:Batch:Property"] = "punches";
        await using var gateway = await TestGateway.StartAsync(settings);

        // Stored while paused, so the first lease finds all 25 waiting: 10 + 10 + 5.
        (await gateway.Client.PostAsync("/api/destinations/legacy/pause", null)).EnsureSuccessStatusCode();
        var ids = new List<Guid>();
        for (var i = 0; i < 25; i++)
        {
            var response = await gateway.PostPunchAsync($"E{i}");
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id);
        }

        (await gateway.Client.PostAsync("/api/destinations/legacy/resume", null)).EnsureSuccessStatusCode();

        var stats = await Eventually.UntilAsync(legacy.StatsAsync, s => s.Unique == 25, because: "all 25 delivered");
        Assert.Equal(3, stats.Received);
        var requests = legacy.System.Requests(0, 100);
        Assert.Equal(ids.Select(id => id.ToString()).Order(), requests.Select(r => r.IdempotencyKey!).Order());
        Assert.All(requests, r => Assert.StartsWith("{\"punches\":[{", r.Body, StringComparison.Ordinal));
        Assert.All(requests, r => Assert.Equal("/batch", r.Path));
        await Eventually.UntilAsync(
            async () => (await gateway.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "legacy"),
            d => d.Delivered == 25, because: "the journal recorded each message as delivered");
    }

    [Fact]
    public async Task Each_message_of_a_batch_keeps_its_own_result_as_its_reply()
    {
        await using var legacy = await TestReceiver.StartAsync();
        legacy.Next = new(200, """[{"status":201,"ticket":"T-1"},{"status":422,"error":"unknown employee"}]""");
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Delivery:Destinations:legacy:Batch:Size"] = "10";
        await using var gateway = await TestGateway.StartAsync(settings);
        (await gateway.Client.PostAsync("/api/destinations/legacy/pause", null)).EnsureSuccessStatusCode();
        var accepted = (await (await gateway.PostPunchAsync("E1")).Content.ReadFromJsonAsync<PunchReceipt>())!;
        var refused = (await (await gateway.PostPunchAsync("E2")).Content.ReadFromJsonAsync<PunchReceipt>())!;
        (await gateway.Client.PostAsync("/api/destinations/legacy/resume", null)).EnsureSuccessStatusCode();

        using var first = await Eventually.UntilAsync(() => gateway.Client.GetAsync($"/api/punches/{accepted.Id}/reply"),
            r => r.StatusCode != HttpStatusCode.Accepted, because: "the batch is answered");
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal("""{"status":201,"ticket":"T-1"}""", await first.Content.ReadAsStringAsync());
        using var second = await gateway.Client.GetAsync($"/api/punches/{refused.Id}/reply");
        Assert.Equal(HttpStatusCode.BadGateway, second.StatusCode);
        var problem = await second.Content.ReadAsStringAsync();
        Assert.Contains("unknown employee", problem, StringComparison.Ordinal);
        Assert.Contains("\"replyStatus\":422", problem, StringComparison.Ordinal);
        Assert.Single(legacy.Requests);
    }

    [Fact]
    public async Task Batches_need_a_sink_that_sends_them()
    {
        await using var legacy = await TestLegacy.StartAsync();
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Delivery:Destinations:reporting:Sink"] = "postgres";
        settings["Delivery:Destinations:reporting:Batch:Size"] = "10";

        var failure = await Assert.ThrowsAnyAsync<Exception>(() => TestGateway.StartAsync(settings));

        Assert.Contains("Batch:Size above 1 needs a sink that sends batches", failure.ToString(), StringComparison.Ordinal);
    }
}
