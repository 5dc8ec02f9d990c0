using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Sluice.Facade;
using Sluice.LegacySimulator;
using Sluice.Testing;

namespace Sluice.Tests.Facade;

/// <summary>A legacy route turned store-first by configuration: stored verbatim, answered at once, replayed exactly.</summary>
public sealed class StoreFirstRouteTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;

    public async Task InitializeAsync() => _legacy = await TestLegacy.StartAsync();

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    private static Dictionary<string, string?> Route(Dictionary<string, string?> settings, int index, string method, string path, params (string Key, string Value)[] more)
    {
        settings[$"Facade:Routes:{index}:Method"] = method;
        settings[$"Facade:Routes:{index}:Path"] = path;
        settings[$"Facade:Routes:{index}:Destinations:0"] = "legacy";
        foreach (var (key, value) in more)
        {
            settings[$"Facade:Routes:{index}:{key}"] = value;
        }

        return settings;
    }

    [Fact]
    public async Task A_request_is_answered_202_while_the_legacy_system_is_down_and_replayed_identically_once_it_is_up()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "PUT", "/legacy/timesheets/{employeeId}", ("Headers:0", "X-Tenant"), ("Headers:1", "Authorization"));
        await using var gateway = await TestGateway.StartAsync(settings);
        await _legacy.ConfigureAsync(new { outage = true });
        const string body = """{"employeeId":"1001","hours":8,"note":"ção"}""";
        using var request = new HttpRequestMessage(HttpMethod.Put, "/legacy/timesheets/1001?week=2026-W47&x=a%20b")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Tenant", "acme");
        request.Headers.Add("X-Not-Kept", "dropped");
        request.Headers.TryAddWithoutValidation("Authorization", "Basic bGVnYWN5OnNlY3JldA==");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<StoreFirstReceipt>())!;
        Assert.Equal("stored", receipt.Status);
        Assert.Equal(receipt.Id.ToString(), response.Headers.GetValues(StoreFirstIntake.MessageIdHeader).Single());
        await Eventually.UntilAsync(() => _legacy.StatsAsync(), s => s.Rejected >= 1, because: "a delivery was tried while the legacy system was down");
        Assert.Empty(_legacy.System.Requests(0, 100));

        await _legacy.ConfigureAsync(new { outage = false });
        var applied = await Eventually.UntilAsync(() => Task.FromResult(_legacy.System.Requests(0, 100)), r => r.Count > 0, because: "the stored request reached the legacy system");

        var replay = Assert.Single(applied);
        Assert.Equal("PUT", replay.Method);
        Assert.Equal("/legacy/timesheets/1001?week=2026-W47&x=a%20b", replay.Path);
        Assert.Equal(body, replay.Body);
        Assert.Equal("application/json; charset=utf-8", replay.Headers["Content-Type"]);
        Assert.Equal("acme", replay.Headers["X-Tenant"]);
        Assert.False(replay.Headers.ContainsKey("X-Not-Kept"));
        Assert.Equal(receipt.Id.ToString(), replay.IdempotencyKey);
        var view = await Eventually.UntilAsync(
            async () => (await gateway.Client.GetFromJsonAsync<StoreFirstRequestView>($"{StoreFirstRequestsApi.Prefix}/{receipt.Id}"))!,
            v => v.Status == "delivered", because: "the replay is recorded");
        Assert.Equal(("PUT", "/legacy/timesheets/1001?week=2026-W47&x=a%20b", "PUT /legacy/timesheets/{employeeId}"), (view.Method, view.Path, view.Route));
        Assert.Equal(Encoding.UTF8.GetByteCount(body), view.BodyBytes);
    }

    [Fact]
    public async Task A_batching_destination_replays_store_first_requests_on_their_own_and_batches_the_rest()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/orders");
        settings["Delivery:Destinations:legacy:Path"] = "/batch";
        settings["Delivery:Destinations:legacy:Batch:Size"] = "10";
        await using var gateway = await TestGateway.StartAsync(settings);
        (await gateway.Client.PostAsync("/api/destinations/legacy/pause", null)).EnsureSuccessStatusCode();
        for (var i = 0; i < 3; i++)
        {
            (await gateway.PostPunchAsync($"E{i}")).EnsureSuccessStatusCode();
            (await gateway.Client.PostAsync("/legacy/orders", new StringContent($$"""{"n":{{i}}}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        }

        (await gateway.Client.PostAsync("/api/destinations/legacy/resume", null)).EnsureSuccessStatusCode();
        var stats = await Eventually.UntilAsync(_legacy.StatsAsync, s => s.Unique == 6, because: "all six delivered");

        var requests = _legacy.System.Requests(0, 100);
        Assert.Equal(4, stats.Received);
        Assert.Equal(3, requests.Count(r => r.Path == "/batch"));
        Assert.Equal(["""{"n":0}""", """{"n":1}""", """{"n":2}"""], requests.Where(r => r.Path == "/legacy/orders").Select(r => r.Body).Order());
    }

    [Fact]
    public async Task The_route_can_answer_as_the_legacy_system_did()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/orders",
            ("Response:Status", "201"), ("Response:Body", """{"orderId":"{id}","ok":true}"""), ("Response:Headers:Location", "/legacy/orders/{id}"));
        await using var gateway = await TestGateway.StartAsync(settings);

        using var response = await gateway.Client.PostAsync("/legacy/orders", new StringContent("""{"sku":"A-1"}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = response.Headers.GetValues(StoreFirstIntake.MessageIdHeader).Single();
        Assert.Equal($"/legacy/orders/{id}", response.Headers.Location?.ToString());
        Assert.Equal($$"""{"orderId":"{{id}}","ok":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Only_the_configured_method_is_store_first_and_other_requests_pass_through()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/orders");
        await using var gateway = await TestGateway.StartAsync(settings);

        using var get = await gateway.Client.GetAsync("/legacy/orders");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal("GET", (await get.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("method").GetString());
    }

    [Fact]
    public async Task By_default_a_route_takes_the_legacy_clients_as_they_are_without_Sluice_credentials()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/orders", ("Headers:0", "Authorization"));
        await using var gateway = await TestGateway.StartAsync(settings);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/legacy/orders") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation("Authorization", "Basic bGVnYWN5OnNlY3JldA==");

        using var response = await gateway.AnonymousClient.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var replay = Assert.Single(await Eventually.UntilAsync(
            () => Task.FromResult(_legacy.System.Requests(0, 100)), r => r.Count > 0, because: "the stored request is replayed"));
        Assert.Equal(RequestLog.Redact("Basic bGVnYWN5OnNlY3JldA=="), replay.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_route_with_a_policy_refuses_callers_who_do_not_meet_it_and_stores_nothing()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/orders", ("Policy", "intake"));
        await using var gateway = await TestGateway.StartAsync(settings);
        using var auditor = gateway.CreateClient(roles: ["auditor"]);
        using var device = gateway.CreateClient(apiKey: await gateway.CreateApiKeyAsync());
        var body = () => new StringContent("{}", Encoding.UTF8, "application/json");

        using var anonymous = await gateway.AnonymousClient.PostAsync("/legacy/orders", body());
        using var wrongRole = await auditor.PostAsync("/legacy/orders", body());
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrongRole.StatusCode);
        Assert.Equal(0, await JournalFile.CountMessagesAsync(gateway.JournalPath));

        using var accepted = await device.PostAsync("/legacy/orders", body());
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        Assert.Equal(1, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_and_nothing_is_stored()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/upload", ("MaxBodyBytes", "1000"));
        await using var gateway = await TestGateway.StartAsync(settings);

        using var response = await gateway.Client.PostAsync("/legacy/upload", new ByteArrayContent(new byte[1001]));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task A_missing_ordering_key_is_refused_naming_the_field()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/punch", ("OrderingKey:JsonField", "employee.id"));
        await using var gateway = await TestGateway.StartAsync(settings);

        using var response = await gateway.Client.PostAsync("/legacy/punch", new StringContent("""{"employee":{}}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Contains("employee.id", problem.Errors.Keys);
    }

    [Fact]
    public async Task A_repeated_idempotency_key_gets_the_original_receipt_and_is_stored_once()
    {
        var settings = Route(TestGateway.Defaults(_legacy.BaseAddress), 0, "POST", "/legacy/orders");
        await using var gateway = await TestGateway.StartAsync(settings);

        async Task<HttpResponseMessage> SendAsync(string body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/legacy/orders") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.Add("Idempotency-Key", "order-77");
            return await gateway.Client.SendAsync(request);
        }

        using var first = await SendAsync("""{"sku":"A-1"}""");
        using var again = await SendAsync("""{"sku":"A-1"}""");
        using var other = await SendAsync("""{"sku":"B-2"}""");

        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(
            (await first.Content.ReadFromJsonAsync<StoreFirstReceipt>())!.Id,
            (await again.Content.ReadFromJsonAsync<StoreFirstReceipt>())!.Id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal(1, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task Routes_reload_without_a_restart_and_a_bad_reload_keeps_the_routes_in_force()
    {
        using var folder = new TempFolder();
        var file = Path.Combine(folder.Path, "routes.json");
        await File.WriteAllTextAsync(file, """{ "Facade": { "Routes": [] } }""");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(_legacy.BaseAddress), settingsFile: file);
        using (var before = await gateway.Client.PostAsync("/legacy/orders", new StringContent("{}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        await File.WriteAllTextAsync(file, """{ "Facade": { "Routes": [ { "Method": "POST", "Path": "/legacy/orders", "Destinations": [ "legacy" ] } ] } }""");
        await Eventually.UntilAsync(
            async () => (await gateway.Client.PostAsync("/legacy/orders", new StringContent("{}", Encoding.UTF8, "application/json"))).StatusCode,
            status => status == HttpStatusCode.Accepted, because: "the new route is in force");

        await File.WriteAllTextAsync(file, """{ "Facade": { "Routes": [ { "Method": "POST", "Path": "/legacy/orders", "Destinations": [ "nowhere" ] } ] } }""");
        var table = gateway.Service<StoreFirstRouteTable>();
        var refusal = await Eventually.UntilAsync(() => Task.FromResult(table.LastRefusal), r => r is not null, because: "the bad reload was refused");
        Assert.Contains("'nowhere' is not defined", refusal, StringComparison.Ordinal);
        using var after = await gateway.Client.PostAsync("/legacy/orders", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
        Assert.Equal(["legacy"], Assert.Single(table.Routes).Options.Destinations);
    }

    [Fact]
    public async Task Bad_routes_stop_Sluice_with_every_problem_named()
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync(
            "--Facade:Routes:0:Path=legacy/orders", "--Facade:Routes:0:Destinations:0=nowhere",
            "--Facade:Routes:1:Path=/legacy/x", "--Facade:Routes:1:Destinations:0=legacy", "--Facade:Routes:1:Response:Status=500",
            "--Facade:Routes:1:OrderingKey:Header=X-Key", "--Facade:Routes:1:OrderingKey:Query=key", "--Facade:Routes:1:Policy=everyone", "--Facade:Routes:1:Kind=punch");

        Assert.Equal(2, exit);
        Assert.Contains("Facade:Routes:0:Path 'legacy/orders' must start with '/'", printed, StringComparison.Ordinal);
        Assert.Contains("Facade:Routes:0:Destinations: 'nowhere' is not defined", printed, StringComparison.Ordinal);
        Assert.Contains("Facade:Routes:1:Response:Status must be a 2xx status", printed, StringComparison.Ordinal);
        Assert.Contains("Facade:Routes:1:OrderingKey must name exactly one", printed, StringComparison.Ordinal);
        Assert.Contains("Facade:Routes:1:Policy 'everyone' is not one of intake, orders, read, registry, manage", printed, StringComparison.Ordinal);
        Assert.Contains("Facade:Routes:1:Kind 'punch' is Sluice's own", printed, StringComparison.Ordinal);
    }
}
