using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Sluice.Replies;

namespace Sluice.Cli;

/// <summary><c>sluice reply ID</c>: what the legacy system answered to a punch, an order or a stored request.</summary>
internal static class ReplyCommand
{
    private static readonly string[] Kinds = ["punches", "orders", "requests"];

    public static Command Create()
    {
        var id = new Argument<string>("id") { Description = "The message id (an order's number for --kind orders)." };
        var kind = new Option<string>("--kind") { Description = "punches, orders or requests (store-first routes).", DefaultValueFactory = _ => "punches" };
        kind.AcceptOnlyFromAmong(Kinds);
        var destination = new Option<string?>("--destination") { Description = "Another of the message's destinations (default: the first)." };
        var body = new Option<bool>("--body") { Description = "Print the answer's body too." };
        var command = new Command("reply", "Show the legacy system's answer to a message: its status and size, or that it is still waiting.")
        {
            id, kind, destination, body,
        };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("reply", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var path = ServerConnection.PathWithQuery(
                $"/api/{result.GetValue(kind)}/{Uri.EscapeDataString(result.GetValue(id)!)}/reply", ("destination", result.GetValue(destination)));

            using var response = await client.GetAsync(path, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted)
            {
                using var pending = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var root = pending.RootElement;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"waiting: {root.GetProperty("status").GetString()} for {root.GetProperty("destination").GetString()}, " +
                    $"{root.GetProperty("attempts").GetInt32()} attempt(s); ask again in {response.Headers.RetryAfter?.Delta?.TotalSeconds ?? 1} s"));
                return 0;
            }

            if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.BadGateway or HttpStatusCode.Gone
                && response.Content.Headers.ContentType?.MediaType == "application/problem+json")
            {
                await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            }

            var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            var truncated = response.Headers.Contains(ReplyResults.TruncatedHeader) ? " (cut at the kept size)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"status: {(int)response.StatusCode} {response.ReasonPhrase}; {content.Length} bytes{truncated}; {response.Content.Headers.ContentType?.ToString() ?? "no content type"}"));
            if (result.GetValue(body) && content.Length > 0)
            {
                Console.WriteLine(System.Text.Encoding.UTF8.GetString(content));
            }

            return 0;
        }));
        return command;
    }
}
