using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Sluice.Facade;
using Sluice.Replies;
using Sluice.Testing;

namespace Sluice.Tests.Replies;

/// <summary>A store-first client follows its receipt's Location until the legacy system's own answer is there.</summary>
public sealed class ReplyPollTests : IAsyncLifetime
{
    private TestReceiver _legacy = null!;

    public async Task InitializeAsync() => _legacy = await TestReceiver.StartAsync();

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    private Dictionary<string, string?> Settings(params (string Key, string Value)[] route)
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        settings["Facade:Routes:0:Method"] = "POST";
        settings["Facade:Routes:0:Path"] = "/legacy/orders";
        settings["Facade:Routes:0:Destinations:0"] = "legacy";
        settings["Delivery:Destinations:legacy:MaxAttempts"] = "2";
        foreach (var (key, value) in route)
        {
            settings[$"Facade:Routes:0:{key}"] = value;
        }

        return settings;
    }

    private static Task<HttpResponseMessage> PostOrderAsync(TestGateway gateway) =>
        gateway.Client.PostAsync("/legacy/orders", new StringContent("""{"sku":"A-1"}""", Encoding.UTF8, "application/json"));

    private static Task<HttpResponseMessage> PollUntilAnsweredAsync(TestGateway gateway, Uri location) =>
        Eventually.UntilAsync(() => gateway.Client.GetAsync(location), r => r.StatusCode != HttpStatusCode.Accepted,
            because: "the legacy system's answer is kept");

    [Fact]
    public async Task Receipt_location_answers_202_with_Retry_After_then_the_legacy_answer_as_it_came()
    {
        _legacy.Next = new(201, """{"orderNumber":"L-77"}""", new() { ["X-Order-Number"] = "L-77", ["X-Internal"] = "secret" });
        await using var gateway = await TestGateway.StartAsync(Settings(("Reply:Headers:0", "X-Order-Number")));
        (await gateway.Client.PostAsync("/api/destinations/legacy/pause", null)).EnsureSuccessStatusCode();

        var receipt = await PostOrderAsync(gateway);
        Assert.Equal(HttpStatusCode.Accepted, receipt.StatusCode);
        var location = receipt.Headers.Location!;
        var waiting = await gateway.Client.GetAsync(location);
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        Assert.NotNull(waiting.Headers.RetryAfter?.Delta);
        Assert.Equal("stored", (await waiting.Content.ReadFromJsonAsync<ReplyPending>())!.Status);

        (await gateway.Client.PostAsync("/api/destinations/legacy/resume", null)).EnsureSuccessStatusCode();
        var answer = await PollUntilAnsweredAsync(gateway, location);

        Assert.Equal(HttpStatusCode.Created, answer.StatusCode);
        Assert.Equal("L-77", answer.Headers.GetValues("X-Order-Number").Single());
        Assert.False(answer.Headers.Contains("X-Internal"));
        Assert.Equal("application/json", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"orderNumber":"L-77"}""", await answer.Content.ReadAsStringAsync());
        Assert.False(answer.Headers.Contains(ReplyResults.TruncatedHeader));
    }

    [Fact]
    public async Task Body_longer_than_the_route_cap_is_cut_there_and_marked()
    {
        _legacy.Next = new(200, new string('x', 100));
        await using var gateway = await TestGateway.StartAsync(Settings(("Reply:MaxBodyBytes", "10")));

        var answer = await PollUntilAnsweredAsync(gateway, (await PostOrderAsync(gateway)).Headers.Location!);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("xxxxxxxxxx", await answer.Content.ReadAsStringAsync());
        Assert.Equal("true", answer.Headers.GetValues(ReplyResults.TruncatedHeader).Single());
    }

    [Fact]
    public async Task Dead_letter_answers_with_a_problem_naming_its_last_error()
    {
        _legacy.Next = new(422, """{"error":"unknown sku"}""");
        await using var gateway = await TestGateway.StartAsync(Settings());

        var answer = await PollUntilAnsweredAsync(gateway, (await PostOrderAsync(gateway)).Headers.Location!);

        Assert.Equal(HttpStatusCode.BadGateway, answer.StatusCode);
        var problem = (await answer.Content.ReadFromJsonAsync<ProblemDetails>())!;
        Assert.Contains("HTTP 422", problem.Detail);
        Assert.Contains("unknown sku", problem.Detail);
        Assert.Equal(422, ((System.Text.Json.JsonElement)problem.Extensions["replyStatus"]!).GetInt32());
    }

    [Fact]
    public async Task Reply_is_still_there_after_a_restart()
    {
        using var folder = new TempFolder();
        var journal = folder.File("sluice.db");
        _legacy.Next = new(200, """{"ok":true}""");
        Uri location;
        await using (var gateway = await TestGateway.StartAsync(Settings(), journal))
        {
            location = (await PostOrderAsync(gateway)).Headers.Location!;
            await PollUntilAnsweredAsync(gateway, location);
        }

        await using var restarted = await TestGateway.StartAsync(Settings(), journal);
        var answer = await restarted.Client.GetAsync(location);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("""{"ok":true}""", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Unknown_request_and_unknown_destination_are_problems()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        var location = (await PostOrderAsync(gateway)).Headers.Location!;

        Assert.Equal(HttpStatusCode.NotFound, (await gateway.Client.GetAsync($"/api/requests/{Guid.NewGuid()}/reply")).StatusCode);
        var wrong = await gateway.Client.GetAsync(location + "?destination=reporting");
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("destination", (await wrong.Content.ReadFromJsonAsync<ValidationProblemDetails>())!.Errors.Keys);
        Assert.Equal(StoreFirstRequestsApi.Prefix + "/" + (await gateway.Client.GetAsync(location)).Headers.GetValues(StoreFirstIntake.MessageIdHeader).Single() + "/reply",
            location.OriginalString);
    }
}
