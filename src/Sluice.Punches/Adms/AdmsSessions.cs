using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;

namespace Sluice.Punches.Adms;

/// <summary>
/// Which device addresses have shown their comm key lately. Firmware sends <c>pushcommkey</c> only on its handshake
/// (<c>GET /iclock/cdata?options=all</c>), not on uploads or polls, so the handshake opens a session for the address
/// it came from. Kept in memory per node: a device that reaches another node is refused once, re-handshakes, and goes on.
/// </summary>
internal sealed class AdmsSessions(IOptions<AdmsOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string Serial, IPAddress Address), (string KeyHash, DateTimeOffset Until)> _sessions = new();

    /// <summary>After a handshake with the right key, or any request served in the session: it lasts another lifetime.</summary>
    public void Open(string serial, IPAddress address, string keyHash) =>
        _sessions[(serial, address)] = (keyHash, time.GetUtcNow() + options.Value.SessionLifetime);

    /// <summary>Open, unexpired, and opened with the key the device has now: a new key ends every session of the old one.</summary>
    public bool IsOpen(string serial, IPAddress address, string keyHash)
    {
        if (!_sessions.TryGetValue((serial, address), out var session))
        {
            return false;
        }

        if (session.KeyHash == keyHash && session.Until > time.GetUtcNow())
        {
            return true;
        }

        _sessions.TryRemove(new KeyValuePair<(string, IPAddress), (string, DateTimeOffset)>((serial, address), session));
        return false;
    }
}
