namespace Sluice.Orders.Populate;

/// <summary>One generated order, numbered only when its chunk is written.</summary>
internal readonly record struct FakeOrder(string ClientOrderId, string Account, string Symbol, string Side, long Quantity, long PriceMicros, long AcceptedAtMs);

/// <summary>
/// Realistic-looking history: a few thousand accounts trading a list of real tickers near plausible prices,
/// mostly in round lots, a little more buying than selling, one order every ~250 ms on average.
/// Deterministic for a given seed, so two runs populate the same orders.
/// </summary>
internal sealed class FakeOrders(int seed, long firstAcceptedAtMs)
{
    /// <summary>Average spacing between generated orders: 10 million span about 29 days.</summary>
    public const int SpacingMs = 250;

    private static readonly (string Symbol, decimal Price)[] Instruments =
    [
        ("PETR4", 38.20m), ("VALE3", 61.45m), ("ITUB4", 34.10m), ("BBDC4", 13.85m), ("ABEV3", 12.60m),
        ("BBAS3", 27.90m), ("WEGE3", 52.30m), ("B3SA3", 11.75m), ("MGLU3", 9.40m), ("RENT3", 44.15m),
        ("AAPL", 228.50m), ("MSFT", 415.20m), ("NVDA", 131.40m), ("AMZN", 186.70m), ("GOOGL", 165.30m),
        ("META", 560.10m), ("TSLA", 242.80m), ("JPM", 213.60m), ("V", 281.90m), ("KO", 69.75m),
        ("SAN.MC", 4.35m), ("ITX.MC", 47.90m), ("IBE.MC", 13.40m), ("BBVA.MC", 9.20m), ("TEF.MC", 4.05m),
    ];

    private readonly Random _random = new(seed);
    private readonly string _tag = $"pop{seed:x}";
    private long _generated;

    public FakeOrder[] Next(int count)
    {
        var orders = new FakeOrder[count];
        for (var i = 0; i < count; i++)
        {
            var n = _generated++;
            var (symbol, reference) = Instruments[_random.Next(Instruments.Length)];

            // Within about ±2 % of the reference, in cents.
            var price = decimal.Round(reference * (1m + ((decimal)_random.NextDouble() - 0.5m) * 0.04m), 2);
            var quantity = _random.Next(10) < 6 ? _random.Next(1, 51) * 100L : _random.Next(1, 1000);
            orders[i] = new FakeOrder(
                $"{_tag}-{n}",
                $"ACC{_random.Next(1, 20_001):D6}",
                symbol,
                _random.Next(100) < 55 ? "buy" : "sell",
                quantity,
                (long)(price * 1_000_000m),
                firstAcceptedAtMs + (n * SpacingMs) + _random.Next(SpacingMs));
        }

        return orders;
    }
}
