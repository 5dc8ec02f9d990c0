namespace Sluice.Bench.Orders;

/// <summary>How long one set of orders took to process in one mode.</summary>
/// <param name="Extrapolated">Not run: estimated from the mean time per order of the sizes that were.</param>
internal sealed record BenchResult(string Mode, int Orders, int Concurrency, double Seconds, bool Extrapolated);
