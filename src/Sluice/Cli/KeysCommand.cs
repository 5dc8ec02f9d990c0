using System.CommandLine;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sluice.Cli;

/// <summary><c>sluice keys create|revoke</c>: API keys for devices and apps, through the gateway's key API.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Create or revoke API keys (needs an admin token).");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(Revoke());
        return command;
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
        var id = new Argument<string>("id") { Description = "The key's id (not the key)." };
        var command = new Command("revoke", "Revoke an API key: requests with it are refused from now on.") { id };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("keys revoke", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            using var response = await client.DeleteAsync($"/api/keys/{Uri.EscapeDataString(result.GetValue(id)!)}", cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            Console.WriteLine($"Revoked {result.GetValue(id)}.");
            return 0;
        }));
        return command;
    }

    private static string Text(JsonElement root, string property) =>
        root.TryGetProperty(property, out var value) ? value.ToString() : "(not in the answer)";
}
