using Microsoft.Extensions.Options;

namespace Sluice.Punches.WebPage;

/// <summary>
/// Holds back PIN guessing on the employee page. Web PINs are short, so each wrong attempt counts against the
/// person named and against the client's address; past <see cref="PunchesOptions.WebPinMaxFailures"/> for a person,
/// or <see cref="PunchesOptions.WebPinMaxFailuresPerAddress"/> for an address, within <see cref="PunchesOptions.WebPinLockout"/>,
/// the page refuses before checking the PIN until the window ends. A success clears the person's count.
/// A person is counted once whether named by CPF or by code (the page passes the CPF of whoever the name finds),
/// so the two spellings do not double the guesses. Counts are per node, in a table of at most
/// <see cref="TrackedMax"/> keys.
/// </summary>
internal sealed class WebPinGuard(TimeProvider time, IOptions<PunchesOptions> options)
{
    /// <summary>People and addresses tracked at most (about 200 bytes each): bounded memory whatever is sent.</summary>
    public const int TrackedMax = 100_000;

    private readonly LockoutTable _failures = new(TrackedMax);

    /// <summary>How many people and addresses are tracked now.</summary>
    public int Tracked => _failures.Count;

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
        if (options.Value.WebPinMaxFailuresPerAddress > 0)
        {
            Count(AddressKey(address), now, lockout);
        }
    }

    public void Succeeded(string person) => _failures.Remove(PersonKey(person));

    private TimeSpan? Wait(string key, int max, DateTimeOffset now, TimeSpan lockout) =>
        _failures.Get(key) is { } window && window.Failures >= max && now - window.Started < lockout
            ? window.Started + lockout - now
            : null;

    private void Count(string key, DateTimeOffset now, TimeSpan lockout) =>
        _failures.Update(key, w => w is null || now - w.Started >= lockout ? new LockoutTable.Window(now, 1) : w with { Failures = w.Failures + 1 });

    private static string PersonKey(string person) => "p:" + person.ToUpperInvariant();

    private static string AddressKey(string? address) => "a:" + (address ?? "unknown");
}
