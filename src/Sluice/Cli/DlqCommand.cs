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
        var limit = new Option<int>("--limit") { Description = $"At most this many, oldest first (1 to {DeadLettersApi.MaxPageSize}).", DefaultValueFactory = _ => 100 };
        var command = new Command("list", "List dead letters, oldest first, with their attempts and last error.") { destination, limit };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("dlq list", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var query = $"/api/dead-letters?limit={result.GetValue(limit)}";
            if (result.GetValue(destination) is { Length: > 0 } name)
            {
                query += $"&destination={Uri.EscapeDataString(name)}";
            }

            using var response = await client.GetAsync(query, cancellationToken);
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
                Console.WriteLine($"(more: raise --limit; at most {DeadLettersApi.MaxPageSize})");
            }

            return 0;
        }));
        return command;
    }

    private static Command Replay()
    {
        var ids = new Argument<Guid[]>("ids") { Description = "Message ids to replay.", Arity = ArgumentArity.ZeroOrMore };
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
            var request = new ReplayRequest(result.GetValue(ids) is { Length: > 0 } some ? some : null, result.GetValue(destination));
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
        var id = new Argument<Guid>("id") { Description = "The message id." };
        var destination = new Option<string?>("--destination") { Description = "Only its dead letter for this destination." };
        var command = new Command("discard", "Discard a dead letter: kept for audit, never delivered.") { id, destination };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("dlq discard", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var path = $"/api/dead-letters/{result.GetValue(id)}";
            if (result.GetValue(destination) is { Length: > 0 } name)
            {
                path += $"?destination={Uri.EscapeDataString(name)}";
            }

            using var response = await client.DeleteAsync(path, cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            Console.WriteLine($"Discarded {result.GetValue(id)}.");
            return 0;
        }));
        return command;
    }

    private static string Shorten(string? error) =>
        error is null ? "" : error.Length <= 80 ? error.ReplaceLineEndings(" ") : error[..77].ReplaceLineEndings(" ") + "...";
}
