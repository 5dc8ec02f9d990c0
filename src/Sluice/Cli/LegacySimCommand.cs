using System.CommandLine;
using Sluice.LegacySimulator;

namespace Sluice.Cli;

/// <summary><c>sluice legacy-sim</c>: runs the simulated slow legacy system on its own.</summary>
internal static class LegacySimCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Port to listen on.", DefaultValueFactory = _ => 5090 };
        // Loopback unless asked: the simulator's /_sim log and controls have no credentials.
        var host = new Option<string>("--host")
        {
            Description = "Address to listen on; 0.0.0.0 opens its unauthenticated /_sim log and controls to the network.",
            DefaultValueFactory = _ => "127.0.0.1",
        };
        var latency = SluiceCommands.LatencyOption("--latency", "Time each request takes: 1s, or a range drawn uniformly per request, e.g. 0-1s.", TimeSpan.FromSeconds(1));
        var capacity = new Option<int>("--capacity") { Description = "Requests worked on at once; more wait in the queue.", DefaultValueFactory = _ => 50 };
        var queue = new Option<int>("--queue") { Description = "Requests that may wait beyond the capacity (their latency grows); more are refused with 503.", DefaultValueFactory = _ => 50 };
        var errorRate = new Option<double>("--error-rate") { Description = "Fraction of requests failed with 500, 0 to 1.", DefaultValueFactory = _ => 0 };
        var command = new Command("legacy-sim", "Run the simulated legacy system: slow, limited, sometimes failing; counts what it applies.")
        {
            port, host, latency, capacity, queue, errorRate,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var settings = new SimulatorSettings
            {
                Latency = result.GetValue(latency).Min,
                LatencyMax = result.GetValue(latency).Max,
                Capacity = result.GetValue(capacity),
                QueueLimit = result.GetValue(queue),
                ErrorRate = result.GetValue(errorRate),
            };
            var problems = settings.Validate().ToList();
            if (result.GetValue(port) is < 0 or > 65535)
            {
                problems.Add("port must be between 0 and 65535");
            }

            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync($"legacy-sim: {string.Join("; ", problems)}.");
                return 2;
            }

            await using var simulator = await LegacySimulatorHost.StartAsync(
                settings, $"http://{result.GetValue(host)}:{result.GetValue(port)}", cancellationToken: cancellationToken);
            Console.WriteLine(
                $"Legacy simulator on port {simulator.BaseAddress.Port}: latency {settings.DescribeLatency()}, capacity {settings.Capacity}, queue {settings.QueueLimit}, " +
                $"error rate {settings.ErrorRate:P1}. Stats: GET /_sim/stats; change: POST /_sim/config. Ctrl+C stops.");
            await simulator.WaitForShutdownAsync(cancellationToken);
            return 0;
        });
        return command;
    }
}
