using System.CommandLine;
using System.Globalization;

namespace Sluice.Bench.Orders;

/// <summary><c>orders</c>: the same orders processed one at a time and concurrently, as a table and an SVG chart.</summary>
internal static class OrdersBenchCommand
{
    public static Command Create()
    {
        var sizes = new Option<string>("--sizes") { Description = "Numbers of orders, comma-separated.", DefaultValueFactory = _ => "10,50,100,500,1000" };
        var latency = Cli.SluiceCommands.LatencyOption("--latency", "Time each save takes: a range drawn uniformly per order, as in seed 004.", TimeSpan.Zero);
        var concurrency = new Option<int>("--concurrency") { Description = "Saves in flight at once in the concurrent runs.", DefaultValueFactory = _ => 1000 };
        var sequentialUpTo = new Option<int>("--sequential-up-to")
        {
            Description = "Run the sequential mode only up to this many orders and extrapolate beyond (1,000 sequential saves take ~500 s).",
            DefaultValueFactory = _ => 100,
        };
        var repeat = new Option<int>("--repeat") { Description = "Concurrent runs per size; the median is reported.", DefaultValueFactory = _ => 3 };
        var output = new Option<string>("--out") { Description = "Where to write the SVG chart.", DefaultValueFactory = _ => "bench/orders-bench.svg" };
        var command = new Command("orders",
            "Process the same orders one at a time and concurrently through the delivery engine against a simulated slow save; " +
            "print a table and write an SVG chart of time against number of orders.")
        {
            sizes, latency, concurrency, sequentialUpTo, repeat, output,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var parsed = result.GetValue(sizes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(s => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1)
                .ToList();
            var (min, max) = result.GetValue(latency);
            var given = result.GetResult(latency) is { Implicit: false };
            if (parsed.Count == 0 || parsed.Contains(-1) || result.GetValue(concurrency) < 1 || result.GetValue(repeat) < 1)
            {
                await Console.Error.WriteLineAsync("orders bench: --sizes must be positive whole numbers, --concurrency and --repeat at least 1.");
                return 2;
            }

            var settings = new OrdersBenchSettings(
                parsed.Distinct().Order().ToList(),
                given ? min : TimeSpan.Zero,
                given ? max : TimeSpan.FromSeconds(1),
                result.GetValue(concurrency),
                result.GetValue(sequentialUpTo),
                result.GetValue(repeat));
            var range = new LegacySimulator.SimulatorSettings { Latency = settings.LatencyMin, LatencyMax = settings.LatencyMax }.DescribeLatency();
            Console.WriteLine($"Orders bench: save latency {range}, concurrent runs at concurrency {settings.Concurrency}; sequential measured up to {settings.SequentialUpTo} orders.");
            var results = await new OrdersBench(settings, Console.Out).RunAsync(cancellationToken);

            Console.WriteLine();
            Console.Write(BenchChart.Table(results));
            var path = Path.GetFullPath(result.GetValue(output)!);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, BenchChart.Render(results, $"Processing orders against a {range} save"), cancellationToken);
            Console.WriteLine($"Chart: {path}");
            return 0;
        });
        return command;
    }
}
