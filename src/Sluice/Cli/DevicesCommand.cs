using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace Sluice.Cli;

/// <summary><c>sluice devices rejected</c>: the device lines Sluice kept for HR instead of taking, through the gateway's API.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "ADMS devices: what they sent that could not be taken as punches.");
        command.Subcommands.Add(Rejected());
        return command;
    }

    private static Command Rejected()
    {
        var establishment = new Argument<Guid>("establishment") { Description = "The establishment's id." };
        var serial = new Option<string?>("--serial") { Description = "Only this device's lines." };
        var limit = new Option<int>("--limit") { Description = "How many of the newest lines to show (1 to 1000).", DefaultValueFactory = _ => 100 };
        var command = new Command(
            "rejected", "List the lines devices sent that Sluice could not take (unknown PIN, clock out of window, unreadable), newest first, with the reason.")
        {
            establishment, serial, limit,
        };
        command.SetAction((result, cancellationToken) => ServerConnection.CallAsync("devices rejected", async () =>
        {
            using var client = ServerConnection.CreateClient(result);
            var path = ServerConnection.PathWithQuery($"/api/establishments/{result.GetValue(establishment)}/devices/rejected",
                ("limit", result.GetValue(limit).ToString(CultureInfo.InvariantCulture)), ("serial", result.GetValue(serial)));
            using var response = await client.GetAsync(path, cancellationToken);
            await ServerConnection.EnsureSuccessAsync(response, cancellationToken);
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var lines = answer.RootElement.GetProperty("lines").EnumerateArray().ToList();
            Table.Print(
                ["RECEIVED", "SERIAL", "LINE", "PIN", "REASON", "TEXT"],
                lines.Select(l => new[]
                {
                    l.GetProperty("receivedAt").GetDateTimeOffset().ToString("yyyy-MM-dd HH:mm:ssK", CultureInfo.InvariantCulture),
                    l.GetProperty("serial").GetString()!,
                    l.GetProperty("lineNumber").GetInt32().ToString(CultureInfo.InvariantCulture),
                    l.GetProperty("pin").GetString() ?? "-",
                    l.GetProperty("reason").GetString()!,
                    l.GetProperty("line").GetString()!.Replace('\t', ' '),
                }));
            Console.WriteLine($"{lines.Count} of {answer.RootElement.GetProperty("total").GetInt64()} kept line(s).");
            return 0;
        }));
        return command;
    }
}
