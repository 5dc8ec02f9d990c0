using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sluice.Facade;
using Sluice.LegacySimulator;
using Sluice.Orders;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Replies;

/// <summary>
/// RFC 7240 <c>Prefer: wait</c>: the request is stored first, then the client gets the legacy system's own answer if
/// it comes within the wait, else the usual receipt.
/// </summary>
public sealed class PreferWaitTests
{
    private static Dictionary<string, string?> Settings(TestLegacy legacy)
    {
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Facade:Routes:0:Method"] = "POST";
        settings["Facade:Routes:0:Path"] = "/legacy/orders";
        settings["Facade:Routes:0:Destinations:0"] = "legacy";
        settings["Delivery:Destinations:orders:Path"] = "/orders";
        return settings;
    }

    private static HttpRequestMessage Waiting(HttpMethod method, string path, HttpContent content, int seconds)
    {
        var request = new HttpRequestMessage(method, path) { Content = content };
        request.Headers.TryAddWithoutValidation("Prefer", $"respond-async, wait={seconds}");
        return request;
    }

    [Fact]
    public async Task Healthy_legacy_system_answers_the_waiting_client_itself()
    {
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings { Latency = TimeSpan.FromMilliseconds(50) });
        await using var gateway = await TestGateway.StartAsync(Settings(legacy));

        using var answer = await gateway.Client.SendAsync(
            Waiting(HttpMethod.Post, "/legacy/orders", new StringContent("""{"sku":"A-1"}""", Encoding.UTF8, "application/json"), 2));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("wait=2", answer.Headers.GetValues("Preference-Applied").Single());
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        // The simulator's own answer: it echoes the request it applied.
        Assert.Equal("/legacy/orders", body.RootElement.GetProperty("path").GetString());
        Assert.Equal("""{"sku":"A-1"}""", body.RootElement.GetProperty("body").GetString());
        var id = answer.Headers.GetValues(StoreFirstIntake.MessageIdHeader).Single();
        Assert.Equal(id, body.RootElement.GetProperty("idempotencyKey").GetString());
    }

    [Fact]
    public async Task Slow_legacy_system_gives_the_receipt_within_the_wait_and_the_reply_later()
    {
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings { Latency = TimeSpan.FromSeconds(5) });
        await using var gateway = await TestGateway.StartAsync(Settings(legacy));
        var clock = Stopwatch.StartNew();

        using var answer = await gateway.Client.SendAsync(
            Waiting(HttpMethod.Post, "/legacy/orders", new StringContent("""{"sku":"A-1"}""", Encoding.UTF8, "application/json"), 2));

        var took = clock.Elapsed;
        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.Equal("wait=2", answer.Headers.GetValues("Preference-Applied").Single());
        Assert.Equal("stored", (await answer.Content.ReadFromJsonAsync<StoreFirstReceipt>())!.Status);
        Assert.InRange(took, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4.5));
        var reply = await Eventually.UntilAsync(() => gateway.Client.GetAsync(answer.Headers.Location),
            r => r.StatusCode != HttpStatusCode.Accepted, TimeSpan.FromSeconds(30), "the slow legacy system answers");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
    }

    [Fact]
    public async Task Waiting_punch_gets_the_legacy_time_system_answer_and_poll_shows_it_again()
    {
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings { Latency = TimeSpan.FromMilliseconds(50) });
        await using var gateway = await TestGateway.StartAsync(Settings(legacy));
        await gateway.RegisterEmployeesAsync("1001");

        using var answer = await gateway.Client.SendAsync(Waiting(HttpMethod.Post, "/api/punches",
            JsonContent.Create(new { employeeId = "1001", punchedAt = gateway.Now(), deviceId = "TEST-1" }), 3));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var legacyAnswer = await answer.Content.ReadAsStringAsync();
        Assert.Contains("\"path\":\"/punches\"", legacyAnswer);
        var id = answer.Headers.GetValues(StoreFirstIntake.MessageIdHeader).Single();
        var polled = await gateway.Client.GetAsync($"/api/punches/{id}/reply");
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        Assert.Equal(legacyAnswer, await polled.Content.ReadAsStringAsync());
        Assert.Equal("delivered", (await gateway.Client.GetFromJsonAsync<PunchView>($"/api/punches/{id}"))!.Status);
    }

    [Fact]
    public async Task Waiting_order_gets_the_processing_answer()
    {
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings { Latency = TimeSpan.FromMilliseconds(50) });
        await using var gateway = await TestGateway.StartAsync(Settings(legacy));

        using var answer = await gateway.Client.SendAsync(Waiting(HttpMethod.Post, "/api/orders",
            JsonContent.Create(new { clientOrderId = "c-1", account = "ACC000123", symbol = "PETR4", side = "buy", quantity = 100, price = 38.25m }), 3));

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Contains("\"path\":\"/orders\"", await answer.Content.ReadAsStringAsync());
        var polled = await gateway.Client.GetAsync("/api/orders/1/reply");
        Assert.Equal(HttpStatusCode.OK, polled.StatusCode);
        Assert.Equal("processed", (await gateway.Client.GetFromJsonAsync<OrderView>("/api/orders/1"))!.Status);
    }

    [Fact]
    public async Task Without_a_preference_intake_answers_the_receipt_at_once()
    {
        await using var legacy = await TestLegacy.StartAsync(new SimulatorSettings { Latency = TimeSpan.FromMilliseconds(50) });
        await using var gateway = await TestGateway.StartAsync(Settings(legacy));

        using var answer = await gateway.Client.PostAsync("/legacy/orders", new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
        Assert.False(answer.Headers.Contains("Preference-Applied"));
    }
}
