using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Testing;

namespace Sluice.Tests.Proxies;

/// <summary>Behind a configured proxy Sluice sees the client the proxy names; otherwise nobody can name one.</summary>
public sealed class ForwardedHeadersTests : LegacyGatewayTest
{
    private bool _behindProxy = true;

    protected override void Configure(IDictionary<string, string?> settings)
    {
        if (_behindProxy)
        {
            settings["Proxies:KnownProxies:0"] = "127.0.0.1"; // the test client plays the proxy
        }

        settings["Limits:RatePerSecond"] = "1";
        settings["Limits:RateBurst"] = "1";
    }

    [Fact]
    public async Task The_legacy_system_is_told_the_client_the_proxy_named()
    {
        Assert.Equal("203.0.113.7", await ForwardedForAsync("203.0.113.7"));
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_client_cannot_name_another_address()
    {
        await RestartAsync(behindProxy: false);

        Assert.Equal("127.0.0.1", await ForwardedForAsync("203.0.113.7"));
    }

    [Fact]
    public async Task Each_client_behind_the_proxy_has_its_own_rate_limit()
    {
        using var anonymous = new HttpClient { BaseAddress = Gateway.BaseAddress };

        // One request a second, no burst: of three in a row from one client, one at least is refused (a refill
        // may fall between two of them, not between all three).
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            first.Add((await GetPageAsync(anonymous, "198.51.100.1")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, first);
        Assert.Equal(HttpStatusCode.OK, (await GetPageAsync(anonymous, "198.51.100.2")).StatusCode);
    }

    [Theory]
    [InlineData("Proxies:KnownProxies:0", "10.0.0.300")]
    [InlineData("Proxies:KnownNetworks:0", "10.0.0.0/99")]
    public async Task A_proxy_that_is_not_an_address_stops_Sluice_naming_the_setting(string key, string value)
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync($"--{key}={value}");

        Assert.Equal(2, exit);
        Assert.Contains(key[..key.LastIndexOf(':')], printed, StringComparison.Ordinal);
        Assert.Contains(value, printed, StringComparison.Ordinal);
    }

    private async Task<string?> ForwardedForAsync(string client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/legacy/who");
        request.Headers.Add("X-Forwarded-For", client);
        using var response = await Gateway.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var echo = await response.Content.ReadFromJsonAsync<JsonElement>();
        return echo.GetProperty("headers").GetProperty("X-Forwarded-For").GetString();
    }

    private static Task<HttpResponseMessage> GetPageAsync(HttpClient client, string address)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/punch");
        request.Headers.Add("X-Forwarded-For", address);
        return client.SendAsync(request);
    }

    private async Task RestartAsync(bool behindProxy)
    {
        await DisposeAsync();
        _behindProxy = behindProxy;
        await InitializeAsync();
    }
}
