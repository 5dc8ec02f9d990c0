using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sluice.Testing;

namespace Sluice.Tests.Cli;

/// <summary>
/// <c>sluice keys</c> against a stand-in for the key API (GET and POST /api/keys, DELETE /api/keys/{id}) that records
/// what it was sent: the body, the path and the credentials from --token, --api-key and the environment.
/// </summary>
public sealed class KeysCommandTests : IAsyncLifetime
{
    // Two active keys whose ids share their first eight characters, and a revoked one.
    private const string FrontDoor = "0193a1b2-7c3d-7e4f-8a5b-6c7d8e9f0a1b";
    private const string BackDoor = "0193a1b2-99aa-7bbb-8ccc-ddddeeeeffff";
    private const string OldClock = "0192ffff-0000-7000-8000-000000000001";

    private readonly ConcurrentQueue<(string Method, string Path, string? Authorization, string? ApiKey, string Body)> _requests = new();
    private WebApplication _api = null!;
    private string _server = "";

    public async Task InitializeAsync()
    {
        _api = Loopback.CreateBuilder().Build();
        _api.MapPost("/api/keys", async (HttpContext context) =>
        {
            await RecordAsync(context);
            return Results.Text($$"""{"id":"{{FrontDoor}}","key":"sk_secret_shown_once","name":"front door"}""", "application/json", statusCode: 201);
        });
        _api.MapGet("/api/keys", async (HttpContext context) =>
        {
            await RecordAsync(context);
            return Results.Text($$"""
                [{"id":"{{FrontDoor}}","name":"front door","kind":"device","establishmentId":"est-1","createdAt":"2026-12-01T08:00:00+00:00","revokedAt":null},
                 {"id":"{{BackDoor}}","name":"back door","kind":"app","establishmentId":null,"createdAt":"2026-12-02T08:00:00+00:00","revokedAt":null},
                 {"id":"{{OldClock}}","name":"old clock","kind":"device","establishmentId":null,"createdAt":"2026-11-01T08:00:00+00:00","revokedAt":"2026-11-20T08:00:00+00:00"}]
                """, "application/json");
        });
        _api.MapDelete("/api/keys/{id}", async (HttpContext context, string id) =>
        {
            await RecordAsync(context);
            return id is FrontDoor or BackDoor ? Results.NoContent() : Results.Problem(statusCode: 404, title: "No key with this id.");
        });
        _server = (await _api.StartListeningAsync()).ToString();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Create_posts_the_key_request_with_the_token_and_prints_the_key_once()
    {
        var (exit, output) = await SluiceCli.RunAsync(
            "keys", "create", "front door", "--kind", "device", "--establishment", "est-1", "--server", _server, "--token", "admin-jwt");

        Assert.True(exit == 0, output);
        Assert.Contains($"id:  {FrontDoor}", output, StringComparison.Ordinal);
        Assert.Contains("key: sk_secret_shown_once", output, StringComparison.Ordinal);
        Assert.Contains("shown only this once", output, StringComparison.Ordinal);
        var request = Assert.Single(_requests);
        Assert.Equal(("POST", "/api/keys", "Bearer admin-jwt"), (request.Method, request.Path, request.Authorization));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal("front door", body.RootElement.GetProperty("name").GetString());
        Assert.Equal("device", body.RootElement.GetProperty("kind").GetString());
        Assert.Equal("est-1", body.RootElement.GetProperty("establishmentId").GetString());
    }

    [Fact]
    public async Task Revoke_deletes_by_id_with_credentials_from_the_environment_and_reports_a_missing_key()
    {
        var environment = new Dictionary<string, string> { ["SLUICE_SERVER"] = _server, ["SLUICE_API_KEY"] = "app-key", ["SLUICE_TOKEN"] = "admin-jwt" };
        var (exit, output) = await SluiceCli.RunAsync(environment, "keys", "revoke", FrontDoor);
        Assert.True(exit == 0, output);
        Assert.Contains($"Revoked {FrontDoor}.", output, StringComparison.Ordinal);
        var request = Assert.Single(_requests);
        Assert.Equal(("DELETE", $"/api/keys/{FrontDoor}", "Bearer admin-jwt", "app-key"), (request.Method, request.Path, request.Authorization, request.ApiKey));

        var (missingExit, missing) = await SluiceCli.RunAsync(environment, "keys", "revoke", "0193a1b2-0000-7000-8000-000000000000");
        Assert.Equal(1, missingExit);
        Assert.Contains("404", missing, StringComparison.Ordinal);
        Assert.Contains("No key with this id.", missing, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_table_sent_to_a_pipe_carries_no_escape_codes_even_where_a_CI_allows_colour()
    {
        // Spectre's own detection would take GITHUB_ACTIONS as leave to style the header in a redirected log.
        var environment = new Dictionary<string, string>
        {
            ["TERM"] = "xterm-256color", ["COLORTERM"] = "truecolor", ["GITHUB_ACTIONS"] = "true", ["CI"] = "true",
        };
        var (exit, output) = await SluiceCli.RunAsync(environment, "keys", "list", "--server", _server, "--token", "admin-jwt");

        Assert.True(exit == 0, output);
        Assert.DoesNotContain('\u001b', output);
        Assert.StartsWith("id", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_shows_active_keys_with_full_ids_and_never_a_secret()
    {
        var (exit, output) = await SluiceCli.RunAsync("keys", "list", "--server", _server, "--token", "admin-jwt");

        Assert.True(exit == 0, output);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id", rows[0], StringComparison.Ordinal);
        Assert.Contains(rows, r => r.StartsWith(FrontDoor, StringComparison.Ordinal) && r.Contains("front door", StringComparison.Ordinal) && r.Contains("est-1", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(BackDoor, StringComparison.Ordinal) && r.Contains("(any)", StringComparison.Ordinal));
        Assert.DoesNotContain(OldClock, output, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_", output, StringComparison.Ordinal);
        Assert.Equal(("GET", "/api/keys", "Bearer admin-jwt"), (_requests.Single().Method, _requests.Single().Path, _requests.Single().Authorization));

        var (allExit, all) = await SluiceCli.RunAsync("keys", "list", "--all", "--server", _server, "--token", "admin-jwt");
        Assert.True(allExit == 0, all);
        Assert.Contains(all.Split('\n'), r => r.StartsWith(OldClock, StringComparison.Ordinal) && r.Contains("2026-11-20", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Revoke_takes_the_start_of_an_id_and_refuses_one_that_fits_two_keys()
    {
        var (exit, output) = await SluiceCli.RunAsync("keys", "revoke", "0193a1b2-7c", "--server", _server, "--token", "admin-jwt");
        Assert.True(exit == 0, output);
        Assert.Contains($"Revoked {FrontDoor}.", output, StringComparison.Ordinal);
        Assert.Contains(_requests, r => r.Method == "DELETE" && r.Path == $"/api/keys/{FrontDoor}");

        _requests.Clear();
        var (ambiguousExit, ambiguous) = await SluiceCli.RunAsync("keys", "revoke", "0193a1b2", "--server", _server, "--token", "admin-jwt");
        Assert.Equal(1, ambiguousExit);
        Assert.Contains("more than one active API key id", ambiguous, StringComparison.Ordinal);
        Assert.Contains(FrontDoor, ambiguous, StringComparison.Ordinal);
        Assert.Contains(BackDoor, ambiguous, StringComparison.Ordinal);
        Assert.DoesNotContain(_requests, r => r.Method == "DELETE");

        // A revoked key's id is no candidate, and too short a start is refused.
        var (revokedExit, revoked) = await SluiceCli.RunAsync("keys", "revoke", "0192ff", "--server", _server, "--token", "admin-jwt");
        Assert.Equal(1, revokedExit);
        Assert.Contains("no active API key has an id starting with '0192ff'", revoked, StringComparison.Ordinal);
        var (shortExit, tooShort) = await SluiceCli.RunAsync("keys", "revoke", "019", "--server", _server, "--token", "admin-jwt");
        Assert.Equal(1, shortExit);
        Assert.Contains("at least 4", tooShort, StringComparison.Ordinal);
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers["X-Api-Key"].FirstOrDefault(), body));
    }
}
