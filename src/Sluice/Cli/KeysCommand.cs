using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sluice.Hosting;
using Sluice.Security;

namespace Sluice.Cli;

/// <summary><c>sluice keys list|create|revoke</c>: API keys for devices and apps, through the gateway's key API.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "List, create or revoke API keys (needs an admin token).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(Revoke());
        return command;
    }

    private static Command List()
    {
        var all = new Option<bool>("--all") { Description = "Revoked keys too." };
        var command = new Command("list", "List API keys: id, name, kind, establishment, created and revoked; never the keys themselves.") { all };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("keys list", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var keys = await ListAsync(client, cancellationToken);
            Table.Print(
                ["id", "name", "kind", "establishment", "created", "revoked"],
                keys.Where(k => result.GetValue(all) || k.RevokedAt is null).OrderBy(k => k.CreatedAt).Select(k => new[]
                {
                    k.Id.ToString(), k.Name, k.Kind, k.EstablishmentId ?? "(any)",
                    k.CreatedAt.ToString("u", CultureInfo.InvariantCulture), k.RevokedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "",
                }));
            return 0;
        }));
        return command;
    }

    private static async Task<IReadOnlyList<ApiKeyView>> ListAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync("/api/keys", cancellationToken);
        await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync(SluiceJsonContext.Default.IReadOnlyListApiKeyView, cancellationToken) ?? [];
    }

    private static Command CreateKey()
    {
        var name = new Argument<string>("name") { Description = "What the key is for, e.g. 'front-door clock'." };
        var kind = new Option<string>("--kind") { Description = "device, app or orders.", DefaultValueFactory = _ => "device" };
        var establishment = new Option<string?>("--establishment") { Description = "The establishment the key is scoped to." };
        var command = new Command("create", "Create an API key. The key is printed once: store it now.") { name, kind, establishment };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("keys create", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var body = new JsonObject
            {
                ["name"] = result.GetValue(name),
                ["kind"] = result.GetValue(kind),
                ["establishmentId"] = result.GetValue(establishment),
            };
            using var content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await client.PostAsync("/api/keys", content, cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var root = created.RootElement;
            Console.WriteLine($"id:  {Text(root, "id")}");
            Console.WriteLine($"key: {Text(root, "key")}");
            await Console.Error.WriteLineAsync("The key is shown only this once; Sluice stores only its hash.");
            return 0;
        }));
        return command;
    }

    private static Command Revoke()
    {
        var id = new Argument<string>("id") { Description = $"The key's id (not the key), whole or its first characters (at least {IdPrefix.MinLength})." };
        var command = new Command("revoke", "Revoke an API key: requests with it are refused from now on.") { id };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("keys revoke", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var given = result.GetValue(id)!;
            var key = IdPrefix.IsWhole(given, out var whole)
                ? whole
                : IdPrefix.Resolve(given, (await ListAsync(client, cancellationToken)).Where(k => k.RevokedAt is null).Select(k => k.Id), "active API key");
            using var response = await client.DeleteAsync($"/api/keys/{key}", cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            Console.WriteLine($"Revoked {key}.");
            return 0;
        }));
        return command;
    }

    private static string Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) ? value.ToString() : "(not in the answer)";
}
