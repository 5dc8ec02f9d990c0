using Microsoft.Data.Sqlite;
using Sluice.Testing;

namespace Sluice.Tests.Orders;

public sealed class OrdersCliTests
{
    [Fact]
    public async Task Orders_populate_fills_the_journal_orders_table_from_the_command_line()
    {
        var folder = Directory.CreateTempSubdirectory("sluice-orders-cli-").FullName;
        try
        {
            var journal = Path.Combine(folder, "sluice.db");

            var (exit, printed) = await SluiceCli.RunAsync("orders", "populate", "--count", "2500", "--seed", "9", $"--Journal:Path={journal}");

            Assert.True(exit == 0, printed);
            Assert.Contains("Populated 2500 orders (ids 1 to 2500)", printed, StringComparison.Ordinal);
            await using var connection = new SqliteConnection($"Data Source={journal};Mode=ReadOnly;Pooling=False");
            await connection.OpenAsync();
            await using var count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*), MIN(id), MAX(id), COUNT(DISTINCT client_order_id) FROM orders";
            await using var reader = await count.ExecuteReaderAsync();
            await reader.ReadAsync();
            Assert.Equal((2500L, 1L, 2500L, 2500L), (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Orders_bench_prints_both_modes_and_writes_the_chart()
    {
        var folder = Directory.CreateTempSubdirectory("sluice-orders-bench-").FullName;
        try
        {
            var chart = Path.Combine(folder, "chart.svg");

            var (exit, printed) = await SluiceCli.RunAsync(
                "orders", "bench", "--sizes", "4,8", "--latency", "10-50ms", "--sequential-up-to", "4", "--repeat", "1", "--out", chart);

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
        var (exit, printed) = await SluiceCli.RunAsync("orders", "bench", "--sizes", "10,x");

        Assert.Equal(2, exit);
        Assert.Contains("--sizes", printed, StringComparison.Ordinal);
    }
}
