using System.CommandLine;
using Sluice.Bench.Noop;
using Sluice.Bench.Orders;

// `dotnet run --project bench/Sluice.Bench -c Release -- <serve|orders> …`: what the benchmarks run that ships in no binary.
var root = new RootCommand("Sluice's benchmarks: the gateway with a no-store baseline endpoint, and the orders comparison.")
{
    ServeCommand.Create(),
    OrdersBenchCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
