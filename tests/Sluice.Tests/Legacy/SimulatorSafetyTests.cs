using System.Net;
using System.Net.Http.Json;
using Sluice.Legacy;
using Sluice.LegacySimulator;
using Sluice.Testing;

namespace Sluice.Tests.Legacy;

/// <summary>The simulator is a test tool (issue 15, finding 1): asked for by name, bounded, and holding no credentials.</summary>
public sealed class SimulatorSafetyTests
{
    private static readonly Dictionary<string, string> Production = new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["DOTNET_ENVIRONMENT"] = "Production",
    };

    [Fact]
    public async Task A_production_start_without_a_legacy_address_refuses_to_start_naming_the_setting()
    {
        using var folder = new TempFolder();

        var (exit, printed) = await SluiceCli.RunAsync(
            Production, "--urls=http://127.0.0.1:0", $"--Journal:Path={folder.File("sluice.db")}", $"--Security:Jwt:SigningKey={TestCredentials.SigningKey}");

        Assert.Equal(2, exit);
        Assert.Contains("Legacy:BaseUrl is not set", printed, StringComparison.Ordinal);
        Assert.Contains("Legacy:Simulator:Enabled=true", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_simulator_starts_when_asked_for_by_name()
    {
        var settings = TestGateway.Defaults(null);

        await using var gateway = await TestGateway.StartAsync(settings);

        Assert.NotNull(gateway.Service<LegacySystem>().Simulator);
    }

    [Fact]
    public async Task In_development_the_simulator_starts_without_being_named()
    {
        var settings = TestGateway.Defaults(null);
        settings["Legacy:Simulator:Enabled"] = null;
        settings["environment"] = "Development";

        await using var gateway = await TestGateway.StartAsync(settings);

        Assert.NotNull(gateway.Service<LegacySystem>().Simulator);
    }

    [Fact]
    public async Task In_a_production_process_the_simulators_log_and_controls_are_not_reachable_through_the_gateway()
    {
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(null);
        settings["environment"] = "Production";
        settings["Journal:Path"] = folder.File("sluice.db");
        await using var gateway = await GatewayProcess.StartAsync(settings);

        using var requests = await gateway.Client.GetAsync("/_sim/requests");
        using var config = await gateway.Client.PostAsJsonAsync("/_sim/config", new { outage = true });
        using var reset = await gateway.Client.PostAsync("/_sim/reset", null);
        using var echo = await gateway.Client.GetAsync("/legacy/employees/1");

        Assert.All([requests, config, reset], r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("application/problem+json", requests.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, echo.StatusCode);
        Assert.DoesNotContain("Authorization", await echo.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_request_log_keeps_at_most_its_count_and_its_bytes_dropping_the_oldest()
    {
        var byCount = new RequestLog(maxEntries: 3, maxBytes: long.MaxValue);
        var byBytes = new RequestLog(maxEntries: 1000, maxBytes: 5L * 1024 * 1024);
        var megabyte = new string('x', 512 * 1024);

        for (var i = 1; i <= 100; i++)
        {
            byCount.Add(Request(i, "{}"));
            byBytes.Add(Request(i, megabyte));
        }

        Assert.Equal([98L, 99L, 100L], byCount.After(0, 1000).Select(r => r.Number));
        var kept = byBytes.After(0, 1000);
        Assert.InRange(kept.Count, 1, 5);
        Assert.Equal(100, kept[^1].Number);
    }

    [Fact]
    public async Task The_request_log_holds_no_credentials()
    {
        await using var legacy = await TestLegacy.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/legacy/anything") { Content = JsonContent.Create(new { a = 1 }) };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.secret.sig");
        request.Headers.TryAddWithoutValidation("X-Api-Key", "sk_secretsecret");
        request.Headers.TryAddWithoutValidation("Cookie", "session=secret");
        (await legacy.Client.SendAsync(request)).EnsureSuccessStatusCode();

        var log = await legacy.Client.GetStringAsync("/_sim/requests");

        Assert.DoesNotContain("secret", log, StringComparison.Ordinal);
        Assert.Contains(RequestLog.Redact("Bearer eyJhbGciOiJIUzI1NiJ9.secret.sig"), log, StringComparison.Ordinal);
    }

    private static ReceivedRequest Request(long number, string body) =>
        new(number, DateTimeOffset.UnixEpoch, "POST", "/x", null, false, new Dictionary<string, string>(), body);
}
