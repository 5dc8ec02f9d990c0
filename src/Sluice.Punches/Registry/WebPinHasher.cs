using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sluice.Punches.Registry;

/// <summary>
/// Hashes web PINs for the registry with at most <see cref="PunchesOptions.WebPinHashingConcurrency"/> hashes at
/// once across every request (one per core by default). Each hash is PBKDF2 with 120,000 iterations, slow on purpose:
/// without a cap, a few large imports at once would take every core from intake for a minute. A request that finds
/// no core free is refused at once (the caller answers 503 with Retry-After) rather than queued behind them.
/// </summary>
internal sealed class WebPinHasher : IDisposable
{
    /// <summary>What a refused request is told to wait: about what a full import takes to hash on two cores.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    private readonly ConcurrencyLimiter _cores;

    public WebPinHasher(IOptions<PunchesOptions> options)
    {
        var limit = options.Value.WebPinHashingConcurrency is > 0 and var configured ? configured : Environment.ProcessorCount;
        _cores = new ConcurrencyLimiter(new ConcurrencyLimiterOptions { PermitLimit = limit, QueueLimit = 0 });
    }

    /// <summary>Takes one hashing slot if one is free; dispose the lease to give it back.</summary>
    public RateLimitLease Reserve() => _cores.AttemptAcquire();

    /// <summary>
    /// The hashes of <paramref name="pins"/> (null stays null), on as many slots as are free; null when a PIN needs
    /// hashing and no slot is free.
    /// </summary>
    public async Task<string?[]?> HashAsync(IReadOnlyList<string?> pins, CancellationToken ct)
    {
        var hashes = new string?[pins.Count];
        var toHash = pins.Count(p => p is not null);
        if (toHash == 0)
        {
            return hashes;
        }

        var leases = new List<RateLimitLease>();
        try
        {
            while (leases.Count < toHash)
            {
                var lease = Reserve();
                if (!lease.IsAcquired)
                {
                    lease.Dispose();
                    break;
                }

                leases.Add(lease);
            }

            if (leases.Count == 0)
            {
                return null;
            }

            await Parallel.ForAsync(0, pins.Count, new ParallelOptions { MaxDegreeOfParallelism = leases.Count, CancellationToken = ct }, (i, _) =>
            {
                hashes[i] = pins[i] is { } pin ? WebPins.Hash(pin) : null;
                return ValueTask.CompletedTask;
            });
            return hashes;
        }
        finally
        {
            foreach (var lease in leases)
            {
                lease.Dispose();
            }
        }
    }

    public void Dispose() => _cores.Dispose();
}
