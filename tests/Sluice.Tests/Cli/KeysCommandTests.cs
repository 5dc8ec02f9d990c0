using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sluice.Testing;

namespace Sluice.Tests.Cli;

/// <summary>
/// <c>sluice keys</c> against a stand-in for the key API (POST /api/keys, DELETE /api/keys/{id}) that records
/// what it was sent: the body, the path and the credentials from --token, --api-key and the environment.
/// </summary>
public sealed class KeysCommandTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string Method, string Path, string? Authorization, string? ApiKey, string Body)> _requests = new();
    private WebApplication _api = null!;
    private string _server = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _api = builder.Build();
        _api.MapPost("/api/keys", async (HttpContext context) =>
        {
            await RecordAsync(context);
            return Results.Text("""{"id":"k-17","key":"sk_secret_shown_once","name":"front door"}""", "application/json", statusCode: 201);
        });
        _api.MapDelete("/api/keys/{id}", async (HttpContext context, string id) =>
        {
            await RecordAsync(context);
            return id == "k-17" ? Results.NoContent() : Results.Problem(statusCode: 404, title: "No key with this id.");
        });
        await _api.StartAsync();
        _server = _api.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async Task DisposeAsync() => await _api.DisposeAsync();

    [Fact]
    public async Task Create_posts_the_key_request_with_the_token_and_prints_the_key_once()
    {
        var (exit, output) = await SluiceCli.RunAsync(
            "keys", "create", "front door", "--kind", "device", "--establishment", "est-1", "--server", _server, "--token", "admin-jwt");

        Assert.True(exit == 0, output);
        Assert.Contains("id:  k-17", output, StringComparison.Ordinal);
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
        var (exit, output) = await SluiceCli.RunAsync(environment, "keys", "revoke", "k-17");
        Assert.True(exit == 0, output);
        Assert.Contains("Revoked k-17.", output, StringComparison.Ordinal);
        var request = Assert.Single(_requests);
        Assert.Equal(("DELETE", "/api/keys/k-17", "Bearer admin-jwt", "app-key"), (request.Method, request.Path, request.Authorization, request.ApiKey));

        var (missingExit, missing) = await SluiceCli.RunAsync(environment, "keys", "revoke", "k-99");
        Assert.Equal(1, missingExit);
        Assert.Contains("404", missing, StringComparison.Ordinal);
        Assert.Contains("No key with this id.", missing, StringComparison.Ordinal);
    }

    private async Task RecordAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        _requests.Enqueue((context.Request.Method, context.Request.Path.Value!, context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.Headers["X-Api-Key"].FirstOrDefault(), body));
    }
}
