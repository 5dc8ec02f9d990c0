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
}
