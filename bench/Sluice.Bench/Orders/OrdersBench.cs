using System.Diagnostics;
using Sluice.Delivery.Engine;
using Sluice.Hosting;
using Sluice.Journal;
using Sluice.LegacySimulator;
using Sluice.Orders;

namespace Sluice.Bench.Orders;

/// <summary>
/// Seed 004's comparison, on the real pipeline: the same orders are stored, then processed through the delivery
/// engine against a legacy simulator whose "save" takes a uniform random time (0–1 s by default), first one at a
/// time (concurrency 1, as the seed's original loop) and then concurrently. Time is measured from releasing the
/// stored orders to the last one recorded as processed in the journal.
/// </summary>
internal sealed class OrdersBench(OrdersBenchSettings settings, TextWriter output)
{
    private const string Destination = "orders";
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);

    public async Task<IReadOnlyList<BenchResult>> RunAsync(CancellationToken cancellationToken)
    {
        // Room for every request at once: the simulator stands for a save that does not queue (the seed's sleep).
        await using var simulator = await LegacySimulatorHost.StartAsync(
            new SimulatorSettings { Latency = settings.LatencyMin, LatencyMax = settings.LatencyMax, Capacity = 100_000, QueueLimit = 100_000 },
            "http://127.0.0.1:0",
            cancellationToken: cancellationToken);

        var results = new List<BenchResult>();
        var measured = settings.Sizes.Where(s => s <= settings.SequentialUpTo).ToList();
        results.AddRange(await RunModeAsync("sequential", 1, measured, 1, simulator.BaseAddress, cancellationToken));
        results.AddRange(await RunModeAsync("concurrent", settings.Concurrency, settings.Sizes, settings.Repeat, simulator.BaseAddress, cancellationToken));

        // Sequential time is the sum of the saves, so it grows linearly: the larger sizes are extrapolated from the
        // measured mean per order instead of waiting ~500 s for 1,000 of them (ask for them with --sequential-up-to).
        var ran = results.Where(r => r.Mode == "sequential").ToList();
        if (ran.Count > 0)
        {
            var perOrder = ran.Sum(r => r.Seconds) / ran.Sum(r => r.Orders);
            results.AddRange(settings.Sizes.Where(s => s > settings.SequentialUpTo)
                .Select(s => new BenchResult("sequential", s, 1, s * perOrder, Extrapolated: true)));
        }

        return [.. results.OrderBy(r => r.Mode == "concurrent").ThenBy(r => r.Orders)];
    }

    private async Task<List<BenchResult>> RunModeAsync(
        string mode, int concurrency, IReadOnlyList<int> sizes, int repeat, Uri legacy, CancellationToken cancellationToken)
    {
        var results = new List<BenchResult>();
        if (sizes.Count == 0)
        {
            return results;
        }

        var folder = Directory.CreateTempSubdirectory("sluice-orders-bench-").FullName;
        try
        {
            await using var app = SluiceServer.Build(
            [
                "--urls=http://127.0.0.1:0",
                $"--Journal:Path={Path.Combine(folder, "bench.db")}",
                $"--Legacy:BaseUrl={legacy}",
                $"--Delivery:Destinations:{Destination}:Concurrency={concurrency}",
                $"--Delivery:LeaseBatchSize={Math.Max(100, concurrency)}",
                "--Logging:LogLevel:Default=Warning",
                // Nobody calls this gateway over HTTP (the bench uses its services), but it will not start without a key.
                $"--Security:Jwt:SigningKey={Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))}",
            ]);
            await app.StartAsync(cancellationToken);
            var engine = app.Services.GetRequiredService<DeliveryEngine>();
            var journal = app.Services.GetRequiredService<IJournal>();
            var intake = app.Services.GetRequiredService<OrderIntake>();

            foreach (var size in sizes)
            {
                // A run lasts about as long as its slowest save, so one unlucky draw or a busy moment on a shared
                // machine moves it a lot: each size runs `repeat` times and the median counts.
                var times = new List<double>();
                for (var run = 0; run < repeat; run++)
                {
                    times.Add(await RunOnceAsync(mode, size, run, engine, journal, intake, cancellationToken));
                }

                var result = new BenchResult(mode, size, concurrency, Median(times), Extrapolated: false);
                results.Add(result);
                await output.WriteLineAsync(
                    $"  {mode,-10} {size,6} orders, concurrency {concurrency,5}: {result.Seconds,8:0.000} s" +
                    (times.Count > 1 ? $" (median of {string.Join(", ", times.Select(t => t.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture)))})" : ""));
            }

            await app.StopAsync(cancellationToken);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return results;
    }

    private static async Task<double> RunOnceAsync(
        string mode, int size, int run, DeliveryEngine engine, IJournal journal, OrderIntake intake, CancellationToken cancellationToken)
    {
        engine.Pause(Destination);
        var before = await DeliveredAsync(journal, cancellationToken);

        // The same orders for both modes: generated from the size as seed, and stored before the clock starts.
        var random = new Random(size);
        await Task.WhenAll(Enumerable.Range(0, size).Select(i => intake.RecordAsync(
            new OrderRequest($"bench-{mode}-{size}-{run}-{i}", $"ACC{random.Next(1, 1000):D4}", "PETR4",
                random.Next(2) == 0 ? "buy" : "sell", random.Next(1, 50) * 100, 38.25m),
            cancellationToken)));

        var clock = Stopwatch.StartNew();
        engine.Resume(Destination);
        while (await DeliveredAsync(journal, cancellationToken) < before + size)
        {
            await Task.Delay(Poll, cancellationToken);
        }

        return clock.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static async Task<long> DeliveredAsync(IJournal journal, CancellationToken cancellationToken) =>
        (await journal.GetStatsAsync(cancellationToken)).FirstOrDefault(s => s.Destination == Destination)?.Delivered ?? 0;
}

/// <summary>What the <c>orders</c> bench runs.</summary>
internal sealed record OrdersBenchSettings(
    IReadOnlyList<int> Sizes, TimeSpan LatencyMin, TimeSpan? LatencyMax, int Concurrency, int SequentialUpTo, int Repeat);
