using System.CommandLine;
using System.Globalization;
using Sluice.Orders.Populate;

namespace Sluice.Cli;

/// <summary><c>sluice orders populate</c> (the benchmark comparing sequential and concurrent processing is <c>bench/Sluice.Bench</c>'s).</summary>
internal static class OrdersCommand
{
    public static Command Create() => new("orders", "Orders: populate the table with fake history.")
    {
        Populate(),
    };

    private static Command Populate()
    {
        var count = new Option<long>("--count") { Description = "How many orders to generate.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int?>("--seed") { Description = "Generate the same orders as an earlier run with this seed." };
        var command = new Command("populate",
            "Write fake orders straight into the journal's orders table (history for queries, not processed). Reads the gateway's " +
            "configuration (Journal:Engine, Journal:Path, ConnectionStrings:Journal, --Key=value arguments).")
        {
            count, seed,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) => JournalCommand.RunAsync("orders populate", result, async services =>
        {
            var populated = await services.GetRequiredService<OrderPopulator>()
                .PopulateAsync(result.GetValue(count), result.GetValue(seed), cancellationToken);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Populated {populated.Count} orders (ids {populated.FirstId} to {populated.LastId}) in {populated.Seconds:0.00} s: {populated.OrdersPerSecond:0} orders/s."));
            return 0;
        }, cancellationToken));
        return command;
    }
}
