using System.CommandLine;
using System.Globalization;
using System.Net.Http.Json;
using Sluice.Hosting;

namespace Sluice.Cli;

/// <summary><c>sluice status</c>: readiness and every destination's backlog, limit and circuit.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show whether the gateway is ready and, per destination, backlog, in flight, delivered, retrying, dead, limit and circuit.");
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("status", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            using var ready = await client.GetAsync("/health/ready", cancellationToken);
            var destinations = await client.GetAsync("/api/destinations", cancellationToken);
            await ServerConnection.EnsureSuccessAsync(destinations, cancellationToken);
            var views = await destinations.Content.ReadFromJsonAsync(SluiceJsonContext.Default.IReadOnlyListDestinationView, cancellationToken) ?? [];

            Console.WriteLine($"{client.BaseAddress}: {(ready.IsSuccessStatusCode ? "ready" : $"NOT ready ({(int)ready.StatusCode})")}");
            Table.Print(
                ["destination", "backlog", "in flight", "delivered", "retrying", "dead", "limit", "circuit"],
                views.Select(d => new[]
                {
                    d.Name, d.Backlog.ToString(CultureInfo.InvariantCulture), d.InFlight.ToString(CultureInfo.InvariantCulture), d.Delivered.ToString(CultureInfo.InvariantCulture), d.Retrying.ToString(CultureInfo.InvariantCulture), d.Dead.ToString(CultureInfo.InvariantCulture),
                    d.ConcurrencyLimit.ToString(CultureInfo.InvariantCulture), d.Paused ? $"{d.Circuit}, paused" : d.Circuit,
                }));
            return ready.IsSuccessStatusCode ? 0 : 3;
        }));
        return command;
    }
}
