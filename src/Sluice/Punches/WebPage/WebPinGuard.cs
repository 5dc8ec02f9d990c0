using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Sluice.Punches.WebPage;

/// <summary>
/// Holds back PIN guessing on the employee page. Web PINs are short, so each wrong attempt counts against the
/// person named (CPF or code) and against the client's address; past <see cref="PunchesOptions.WebPinMaxFailures"/>
/// for a person, or <see cref="PunchesOptions.WebPinMaxFailuresPerAddress"/> for an address, within <see cref="PunchesOptions.WebPinLockout"/>, the page
/// refuses before checking the PIN until the window ends. A success clears the person's count. Counts are per node.
/// </summary>
internal sealed class WebPinGuard(TimeProvider time, IOptions<PunchesOptions> options)
{
    /// <summary>Past this many tracked keys, expired ones are swept on the next failure.</summary>
    private const int SweepAbove = 10_000;

    private readonly ConcurrentDictionary<string, Window> _failures = new(StringComparer.Ordinal);

    /// <summary>How long the person or address must wait; null when they may try.</summary>
    public TimeSpan? LockedFor(string person, string? address)
    {
        var now = time.GetUtcNow();
        var lockout = options.Value.WebPinLockout;
        var perAddress = options.Value.WebPinMaxFailuresPerAddress;
        return Wait(PersonKey(person), options.Value.WebPinMaxFailures, now, lockout)
            ?? (perAddress > 0 ? Wait(AddressKey(address), perAddress, now, lockout) : null);
    }

    public void Failed(string person, string? address)
    {
        var now = time.GetUtcNow();
        var lockout = options.Value.WebPinLockout;
        Count(PersonKey(person), now, lockout);
        Count(AddressKey(address), now, lockout);
        if (_failures.Count > SweepAbove)
        {
            foreach (var (key, window) in _failures)
            {
                if (now - window.Started >= lockout)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    public void Succeeded(string person) => _failures.TryRemove(PersonKey(person), out _);

    private TimeSpan? Wait(string key, int max, DateTimeOffset now, TimeSpan lockout) =>
        _failures.TryGetValue(key, out var window) && window.Failures >= max && now - window.Started < lockout
            ? window.Started + lockout - now
            : null;

    private void Count(string key, DateTimeOffset now, TimeSpan lockout) =>
        _failures.AddOrUpdate(key, _ => new Window(now, 1), (_, w) => now - w.Started >= lockout ? new Window(now, 1) : w with { Failures = w.Failures + 1 });

    private static string PersonKey(string person) => "p:" + person.ToUpperInvariant();

    private static string AddressKey(string? address) => "a:" + (address ?? "unknown");

    private sealed record Window(DateTimeOffset Started, int Failures);
}
