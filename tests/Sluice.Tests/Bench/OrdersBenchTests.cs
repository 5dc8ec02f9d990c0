using Sluice.Testing;

namespace Sluice.Tests.Bench;

/// <summary>The orders comparison, run as <c>bench/Sluice.Bench</c> runs it.</summary>
public sealed class OrdersBenchTests
{
    [Fact]
    public async Task Orders_bench_prints_both_modes_and_writes_the_chart()
    {
        var folder = Directory.CreateTempSubdirectory("sluice-orders-bench-").FullName;
        try
        {
            var chart = Path.Combine(folder, "chart.svg");

            var (exit, printed) = await RunBenchAsync(
                "orders", "--sizes", "4,8", "--latency", "10-50ms", "--sequential-up-to", "4", "--repeat", "1", "--out", chart);

            Assert.True(exit == 0, printed);
            Assert.Matches(@"\| 4 \| [\d.]+ s \| [\d.]+ s \|", printed);
            Assert.Matches(@"\| 8 \| [\d.]+ s \(extrapolated\) \| [\d.]+ s \|", printed);
            var svg = await File.ReadAllTextAsync(chart);
            Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("sequential (concurrency 1)", svg, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Orders_bench_refuses_bad_sizes()
    {
        var (exit, printed) = await RunBenchAsync("orders", "--sizes", "10,x");

        Assert.Equal(2, exit);
        Assert.Contains("--sizes", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gateway_has_no_orders_bench_command()
    {
        var (exit, _) = await SluiceCli.RunAsync("orders", "bench", "--sizes", "4");

        Assert.NotEqual(0, exit);
    }

    private static Task<ToolOutput> RunBenchAsync(params string[] arguments) =>
        SluiceCli.RunProgramAsync(typeof(Sluice.Bench.Orders.OrdersBenchCommand).Assembly.Location, new Dictionary<string, string>(), arguments);
}
