using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sluice.LegacySimulator;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Facade;

/// <summary>
/// What the pass-through must not carry to the legacy system (issue 15, findings 1, 3 and 8): Sluice's own
/// credentials, other spellings of Sluice's paths, the simulator's controls, clients' claims about their address,
/// bodies past the limit.
/// </summary>
public sealed class PassThroughHygieneTests : LegacyGatewayTest
{
    private IReadOnlyList<ReceivedRequest> Received => Legacy.System.Requests(0, 1000);

    private static async Task<JsonElement> EchoedHeadersAsync(HttpClient client, Action<HttpRequestMessage>? shape = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/legacy/employees/1001");
        shape?.Invoke(request);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("headers");
    }

    [Fact]
    public async Task A_bearer_token_Sluice_accepted_is_not_forwarded()
    {
        var headers = await EchoedHeadersAsync(Gateway.Client);
        // With a key of the legacy system's beside it, the request is authenticated by key, not by the token.
        var besideLegacyKey = await EchoedHeadersAsync(Gateway.Client, r => r.Headers.TryAddWithoutValidation("X-Api-Key", "legacy-key-17"));

        Assert.False(headers.TryGetProperty("Authorization", out _), headers.ToString());
        Assert.False(besideLegacyKey.TryGetProperty("Authorization", out _), besideLegacyKey.ToString());
        Assert.Equal("legacy-key-17", besideLegacyKey.GetProperty("X-Api-Key").GetString());
    }

    [Fact]
    public async Task A_Sluice_API_key_is_not_forwarded_whether_valid_or_revoked()
    {
        using var keyed = Gateway.CreateClient(apiKey: await Gateway.CreateApiKeyAsync(ApiKeyKinds.App));
        using var unknown = Gateway.CreateClient(apiKey: ApiKeySecret.Create());

        Assert.False((await EchoedHeadersAsync(keyed)).TryGetProperty("X-Api-Key", out _));
        Assert.False((await EchoedHeadersAsync(unknown)).TryGetProperty("X-Api-Key", out _));
    }

    [Fact]
    public async Task The_legacy_systems_own_credentials_still_pass()
    {
        var headers = await EchoedHeadersAsync(Gateway.AnonymousClient, r =>
        {
            r.Headers.TryAddWithoutValidation("Authorization", "Basic bGVnYWN5OnNlY3JldA==");
            r.Headers.TryAddWithoutValidation("X-Api-Key", "legacy-key-17");
        });

        Assert.Equal("Basic bGVnYWN5OnNlY3JldA==", headers.GetProperty("Authorization").GetString());
        Assert.Equal("legacy-key-17", headers.GetProperty("X-Api-Key").GetString());
    }

    [Fact]
    public async Task A_store_first_route_neither_stores_nor_replays_the_bearer_token_Sluice_accepted()
    {
        var settings = TestGateway.Defaults(Legacy.BaseAddress);
        settings["Facade:Routes:0:Path"] = "/legacy/orders";
        settings["Facade:Routes:0:Destinations:0"] = "legacy";
        settings["Facade:Routes:0:Policy"] = SluicePolicies.Intake;
        settings["Facade:Routes:0:Headers:0"] = "Authorization";
        settings["Facade:Routes:0:Headers:1"] = "X-Tenant";
        await using var gateway = await TestGateway.StartAsync(settings);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/legacy/orders") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Tenant", "acme");

        using var response = await gateway.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var replay = Assert.Single(await Eventually.UntilAsync(
            () => Task.FromResult(Received), r => r.Count > 0, because: "the stored request is replayed"));
        Assert.Equal("acme", replay.Headers["X-Tenant"]);
        Assert.False(replay.Headers.ContainsKey("Authorization"));
    }

    [Fact]
    public async Task Client_claims_about_its_address_are_dropped_when_no_proxy_is_configured()
    {
        var headers = await EchoedHeadersAsync(Gateway.AnonymousClient, r =>
        {
            r.Headers.TryAddWithoutValidation("X-Real-IP", "203.0.113.9");
            r.Headers.TryAddWithoutValidation("Forwarded", "for=203.0.113.9");
            r.Headers.TryAddWithoutValidation("X-Forwarded-For", "203.0.113.9");
        });

        Assert.False(headers.TryGetProperty("X-Real-IP", out _));
        Assert.False(headers.TryGetProperty("Forwarded", out _));
        Assert.Equal("127.0.0.1", headers.GetProperty("X-Forwarded-For").GetString());
    }

    [Fact]
    public async Task A_configured_proxy_may_tell_the_legacy_system_who_the_client_was()
    {
        var settings = TestGateway.Defaults(Legacy.BaseAddress);
        settings["Proxies:KnownProxies:0"] = "127.0.0.1";
        await using var proxied = await TestGateway.StartAsync(settings);

        var headers = await EchoedHeadersAsync(proxied.AnonymousClient, r => r.Headers.TryAddWithoutValidation("X-Real-IP", "203.0.113.9"));

        Assert.Equal("203.0.113.9", headers.GetProperty("X-Real-IP").GetString());
    }

    [Theory]
    [InlineData("//api/punches")]
    [InlineData("/api/keys;x")]
    [InlineData("/api%2Fkeys")]
    [InlineData("/api/keys.")]
    [InlineData("/api/./keys")]
    [InlineData("/legacy/../api/keys")]
    [InlineData("/API%2fKEYS")]
    [InlineData("/api/keys/../keys/")]
    public async Task Another_spelling_of_a_Sluice_path_is_refused_never_forwarded(string target)
    {
        var (status, response) = await RawHttp.SendAsync(Gateway.BaseAddress, "GET", target, [$"X-Api-Key: {ApiKeySecret.Create()}"]);

        Assert.InRange(status, 400, 404);
        Assert.Contains("application/problem+json", response, StringComparison.Ordinal);
        Assert.Empty(Received);
    }

    [Theory]
    [InlineData("/_sim/requests")]
    [InlineData("/_sim/config")]
    [InlineData("/_SIM/stats")]
    [InlineData("//_sim/requests")]
    [InlineData("/favicon.ico")]
    [InlineData("/api/punch")]
    [InlineData("/api/order")]
    [InlineData("/api/punchs/1")]
    [InlineData("/api/key")]
    [InlineData("/api/punches/anything/below")]
    public async Task Paths_never_forwarded_are_answered_404_problem_by_Sluice(string target)
    {
        var (get, getResponse) = await RawHttp.SendAsync(Gateway.BaseAddress, "GET", target);
        var (post, _) = await RawHttp.SendAsync(Gateway.BaseAddress, "POST", target, ["Content-Type: application/json"], "{}");

        Assert.Equal(404, get);
        Assert.True(post is 404 or 405, $"POST {target}: {post}");
        Assert.Contains("application/problem+json", getResponse, StringComparison.Ordinal);
        Assert.Empty(Received);
    }

    [Fact]
    public async Task The_simulators_reset_is_not_reachable_through_the_gateway()
    {
        using var sent = await Gateway.AnonymousClient.GetAsync("/legacy/employees/1");
        using var reset = await Gateway.AnonymousClient.PostAsync("/_sim/reset", null);

        Assert.Equal(HttpStatusCode.NotFound, reset.StatusCode);
        Assert.Single(Received);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_refused_413_not_502()
    {
        // As curl and browsers send a large upload: "Expect: 100-continue", so the refusal comes before the body
        // (RFC 9110, 10.1.1). Without it the client may still be sending when the server closes the connection on
        // the 413, and TCP then throws the answer away with the unread bytes: which happens first is up to the
        // scheduler, and this test would read a connection reset instead of the answer now and then.
        using var client = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = Gateway.BaseAddress,
        };
        var body = new string('a', 2 * 1024 * 1024);
        using var sizedRequest = new HttpRequestMessage(HttpMethod.Post, "/legacy/upload") { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        sizedRequest.Headers.ExpectContinue = true;
        using var sized = await client.SendAsync(sizedRequest);
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/legacy/upload")
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(body))),
        };
        chunked.Headers.TransferEncodingChunked = true;
        chunked.Headers.ExpectContinue = true;
        using var streamed = await client.SendAsync(chunked);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, sized.StatusCode);
        Assert.Equal("application/problem+json", sized.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, streamed.StatusCode);
        Assert.Empty(Received);
    }
}
