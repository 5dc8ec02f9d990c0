using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using Sluice.Hosting;
using Sluice.Operations;

namespace Sluice.Cli;

/// <summary><c>sluice dlq list|replay|discard</c>: the dead letters of a running gateway.</summary>
internal static class DlqCommand
{
    public static Command Create()
    {
        var command = new Command("dlq", "List, replay or discard dead letters (messages a destination gave up on).");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Replay());
        command.Subcommands.Add(Discard());
        return command;
    }

    private static Command List()
    {
        var destination = new Option<string?>("--destination") { Description = "Only this destination's." };
        var limit = new Option<int>("--limit") { Description = $"At most this many, oldest first (1 to {DeadLetterEndpoints.MaxPageSize}).", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List dead letters, oldest first, with their attempts and last error.") { destination, limit };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("dlq list", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var path = ServerConnection.PathWithQuery("/api/dead-letters",
                ("limit", result.GetValue(limit).ToString(CultureInfo.InvariantCulture)), ("destination", result.GetValue(destination)));
            using var response = await client.GetAsync(path, cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            var page = await response.Content.ReadFromJsonAsync(SluiceJsonContext.Default.DeadLetterPage, cancellationToken);
            Table.Print(
                ["id", "destination", "attempts", "failed at", "last error"],
                page!.Items.Select(l => new[]
                {
                    l.MessageId.ToString(), l.Destination, l.Attempts.ToString(CultureInfo.InvariantCulture),
                    l.FailedAt?.ToString("u", CultureInfo.InvariantCulture) ?? "", Shorten(l.LastError),
                }));
            if (page.Next is not null)
            {
                Console.WriteLine($"(more: raise --limit; at most {DeadLetterEndpoints.MaxPageSize})");
            }

            return 0;
        }));
        return command;
    }

    private static Command Replay()
    {
        var ids = new Argument<string[]>("ids")
        {
            Description = $"Message ids to replay, whole or their first characters (at least {IdPrefix.MinLength}) as the dashboard shows them.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var destination = new Option<string?>("--destination") { Description = "Replay every dead letter of this destination (with ids: only those of it)." };
        var command = new Command("replay", "Make dead letters due again, with a fresh attempt count.") { ids, destination };
        command.Validators.Add(result =>
        {
            if ((result.GetValue(ids) ?? []).Length == 0 && string.IsNullOrWhiteSpace(result.GetValue(destination)))
            {
                result.AddError("Give message ids, --destination, or both.");
            }
        });
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("dlq replay", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var given = result.GetValue(ids) ?? [];
            var resolved = given.Length == 0 ? null : await ResolveAsync(client, given, cancellationToken);
            var request = new ReplayRequest(resolved, result.GetValue(destination));
            using var response = await client.PostAsJsonAsync("/api/dead-letters/replay", request, SluiceJsonContext.Default.ReplayRequest, cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            var replayed = await response.Content.ReadFromJsonAsync(SluiceJsonContext.Default.ReplayResult, cancellationToken);
            Console.WriteLine($"Replayed {replayed!.Replayed} dead letter(s).");
            return 0;
        }));
        return command;
    }

    private static Command Discard()
    {
        var id = new Argument<string>("id") { Description = $"The message id, whole or its first characters (at least {IdPrefix.MinLength})." };
        var destination = new Option<string?>("--destination") { Description = "Only its dead letter for this destination." };
        var command = new Command("discard", "Discard a dead letter: kept for audit, never delivered.") { id, destination };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("dlq discard", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var message = (await ResolveAsync(client, [result.GetValue(id)!], cancellationToken))[0];
            var path = ServerConnection.PathWithQuery($"/api/dead-letters/{message}", ("destination", result.GetValue(destination)));
            using var response = await client.DeleteAsync(path, cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            Console.WriteLine($"Discarded {message}.");
            return 0;
        }));
        return command;
    }

    /// <summary>Whole ids as given; starts of ids looked up among the dead letters (all destinations).</summary>
    private static async Task<Guid[]> ResolveAsync(HttpClient client, string[] given, CancellationToken cancellationToken)
    {
        if (given.All(g => IdPrefix.IsWhole(g, out _)))
        {
            return [.. given.Select(Guid.Parse)];
        }

        var known = new List<Guid>();
        string? after = null;
        do
        {
            var path = ServerConnection.PathWithQuery("/api/dead-letters",
                ("limit", DeadLetterEndpoints.MaxPageSize.ToString(CultureInfo.InvariantCulture)), ("after", after));
            using var response = await client.GetAsync(path, cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            var page = await response.Content.ReadFromJsonAsync(SluiceJsonContext.Default.DeadLetterPage, cancellationToken);
            known.AddRange(page!.Items.Select(l => l.MessageId));
            after = page.Next;
        }
        while (after is not null);

        return [.. given.Select(g => IdPrefix.Resolve(g, known, "dead letter"))];
    }

    private static string Shorten(string? error) =>
        error is null ? "" : error.Length <= 80 ? error.ReplaceLineEndings(" ") : error[..77].ReplaceLineEndings(" ") + "...";
}
