using System.CommandLine;
using System.Net;
using System.Net.Sockets;

namespace Sluice.Cli;

/// <summary>
/// <c>sluice load</c>: punches a local gateway as fast as it answers, with a live progress line and a summary.
/// Only loopback addresses are accepted: this is for trying a gateway on this machine, not for loading others.
/// </summary>
internal static class LoadCommand
{
    public static Command Create()
    {
        var count = new Option<int?>("--count") { Description = "Stop after this many punches." };
        var duration = SluiceCommands.DurationOption("--duration", "Stop after this long; with only --count given, no time limit.", TimeSpan.FromSeconds(10));
        var concurrency = new Option<int>("--concurrency") { Description = "Requests in flight at once.", DefaultValueFactory = _ => 16 };
        var employees = new Option<int>("--employees")
        {
            Description = $"Employees to punch for: {LoadRegistration.CodePrefix}1..{LoadRegistration.CodePrefix}N of the '{LoadRegistration.LegalName}' establishment, registered first (needs hr or admin).",
            DefaultValueFactory = _ => 1000,
        };
        var establishmentOption = new Option<Guid?>("--establishment")
        {
            Description = "Punch for employees with codes 1..N already registered in this establishment, instead of registering the load's own.",
        };
        var command = new Command("load", "Punch a gateway on this machine (POST /api/punches) and report rate, p50/p99 latency and errors.")
        {
            count, duration, concurrency, employees, establishmentOption,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var problems = new List<string>();
            if (result.GetValue(count) is < 1)
            {
                problems.Add("--count must be at least 1");
            }

            if (result.GetValue(duration) <= TimeSpan.Zero)
            {
                problems.Add("--duration must be positive");
            }

            if (result.GetValue(concurrency) is < 1 or > 1024)
            {
                problems.Add("--concurrency must be between 1 and 1024");
            }

            if (result.GetValue(employees) is < 1 or > 100_000)
            {
                problems.Add("--employees must be between 1 and 100000");
            }

            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync($"load: {string.Join("; ", problems)}.");
                return 2;
            }

            var server = result.GetValue(ServerConnection.Server)!;
            if (!await IsLoopbackAsync(server, cancellationToken))
            {
                await Console.Error.WriteLineAsync($"load: {server.Host} is not this machine; load runs only against loopback addresses (localhost, 127.0.0.1, ::1).");
                return 2;
            }

            var limit = result.GetValue(count);
            var time = limit is not null && result.GetResult(duration) is null or { Implicit: true } ? (TimeSpan?)null : result.GetValue(duration);
            var workers = result.GetValue(concurrency);
            using var client = ServerConnection.CreateClient(result, TimeSpan.FromSeconds(30), workers);
            Guid establishment;
            try
            {
                establishment = result.GetValue(establishmentOption)
                    ?? await LoadRegistration.EnsureAsync(client, result.GetValue(employees), cancellationToken);
            }
            catch (Exception ex) when (ex is LoadSetupException or HttpRequestException)
            {
                await Console.Error.WriteLineAsync($"load: {ex.Message}");
                return 1;
            }

            var own = result.GetValue(establishmentOption) is null;
            var run = new LoadRun(client, limit, time, result.GetValue(employees), establishment, own ? LoadRegistration.CodePrefix : "");
            var summary = await run.RunAsync(workers, CliConsole.Out, cancellationToken);
            Console.WriteLine(summary);
            return run.Stats.Errors == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task<bool> IsLoopbackAsync(Uri server, CancellationToken cancellationToken)
    {
        if (server.IsLoopback)
        {
            return true;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(server.DnsSafeHost, cancellationToken);
            return addresses.Length > 0 && addresses.All(IPAddress.IsLoopback);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
