using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Sluice.Testing;

namespace Sluice.Tests.Replies;

/// <summary>Replies on the PostgreSQL journal, with two gateways on one database as behind a load balancer.</summary>
public sealed class RepliesOnPostgresTests
{
    private static Dictionary<string, string?> Node(Uri legacy, string connectionString, int node)
    {
        var settings = TestGateway.Defaults(legacy);
        settings["Journal:Engine"] = "postgres";
        settings["ConnectionStrings:Journal"] = connectionString;
        settings["Delivery:NodeId"] = $"node-{node}";
        settings["Delivery:Destinations:legacy:MaxAttempts"] = "2";
        settings["Facade:Routes:0:Method"] = "POST";
        settings["Facade:Routes:0:Path"] = "/legacy/orders";
        settings["Facade:Routes:0:Destinations:0"] = "legacy";
        settings["Facade:Routes:0:Reply:Headers:0"] = "X-Order-Number";
        return settings;
    }

    private static HttpRequestMessage Order(int waitSeconds = 0)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/legacy/orders")
        {
            Content = new StringContent("""{"sku":"A-1"}""", Encoding.UTF8, "application/json"),
        };
        if (waitSeconds > 0)
        {
            request.Headers.TryAddWithoutValidation("Prefer", $"wait={waitSeconds}");
        }

        return request;
    }

    [Fact]
    public async Task Waiting_client_gets_the_answer_sent_by_another_node_from_the_journal_at_the_end_of_its_wait()
    {
        await using var legacy = await TestReceiver.StartAsync();
        legacy.Next = new(201, """{"orderNumber":"L-9"}""", new() { ["X-Order-Number"] = "L-9" });
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("replies");
        await using var waiting = await TestGateway.StartAsync(Node(legacy.BaseAddress, database, 1));
        await using var sending = await TestGateway.StartAsync(Node(legacy.BaseAddress, database, 2));
        // Only the other node sends: the waiting node hears no outcome of its own.
        (await waiting.Client.PostAsync("/api/destinations/legacy/pause", null)).EnsureSuccessStatusCode();
        var clock = Stopwatch.StartNew();

        using var answer = await waiting.Client.SendAsync(Order(waitSeconds: 3));

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3), $"answered after {clock.Elapsed}, before its wait ended");
        Assert.Equal("L-9", answer.Headers.GetValues("X-Order-Number").Single());
        Assert.Equal("""{"orderNumber":"L-9"}""", await answer.Content.ReadAsStringAsync());
        var id = answer.Headers.GetValues("X-Sluice-Message-Id").Single();
        using var polled = await sending.Client.GetAsync($"/api/requests/{id}/reply");
        Assert.Equal(HttpStatusCode.Created, polled.StatusCode);
        Assert.Equal("""{"orderNumber":"L-9"}""", await polled.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Dead_letter_reply_is_a_problem_with_its_last_error()
    {
        await using var legacy = await TestReceiver.StartAsync();
        legacy.Next = new(422, """{"error":"unknown sku"}""");
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("replies");
        await using var gateway = await TestGateway.StartAsync(Node(legacy.BaseAddress, database, 1));

        var location = (await gateway.Client.SendAsync(Order())).Headers.Location!;
        var answer = await Eventually.UntilAsync(() => gateway.Client.GetAsync(location), r => r.StatusCode != HttpStatusCode.Accepted,
            because: "the refusal is recorded");

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        Assert.Contains("unknown sku", (await answer.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail);
    }
}
