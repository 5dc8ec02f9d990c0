using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Sluice.Punches.Adms;

/// <summary>
/// Caps each device's ATTLOG uploads per minute, so a device (or whoever holds its key) cannot pour lines into the
/// ledger. One fixed window per device, started at its first upload; only authenticated devices get one.
/// </summary>
internal sealed class AdmsUploadLimiter(IOptions<AdmsOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<FixedWindowRateLimiter>> _devices = new(StringComparer.Ordinal);

    public bool TryAcquire(string serial)
    {
        var limiter = _devices.GetOrAdd(serial, _ => new Lazy<FixedWindowRateLimiter>(() => new FixedWindowRateLimiter(new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.UploadsPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        })));
        using var lease = limiter.Value.AttemptAcquire();
        return lease.IsAcquired;
    }

    public void Dispose()
    {
        foreach (var limiter in _devices.Values.Where(l => l.IsValueCreated))
        {
            limiter.Value.Dispose();
        }
    }
}
