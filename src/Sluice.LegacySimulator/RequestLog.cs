using System.Security.Cryptography;
using System.Text;

namespace Sluice.LegacySimulator;

/// <summary>
/// What the simulator was sent, newest last, for tests and demos. Bounded in entries and in bytes, because a
/// simulator left running would otherwise keep every body it was ever sent; and holding no credentials, because
/// anyone who can read <c>/_sim/requests</c> would otherwise read the callers' tokens and keys.
/// </summary>
public sealed class RequestLog(int maxEntries, long maxBytes)
{
    private static readonly HashSet<string> Secret = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "X-Api-Key", "Cookie", "Set-Cookie",
    };

    private readonly Queue<(ReceivedRequest Request, long Bytes)> _entries = new();
    private readonly Lock _lock = new();
    private long _bytes;

    /// <summary>
    /// A credential as the log keeps it: the scheme word, if any, and a short fingerprint, so a test can still tell
    /// which credential arrived without the log holding one anyone could replay.
    /// </summary>
    public static string Redact(string value)
    {
        var space = value.IndexOf(' ', StringComparison.Ordinal);
        var scheme = space > 0 ? value[..(space + 1)] : "";
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..12];
        return $"{scheme}[redacted sha256:{fingerprint}]";
    }

    public static IReadOnlyDictionary<string, string> Redacted(IReadOnlyDictionary<string, string> headers) =>
        headers.Any(h => Secret.Contains(h.Key))
            ? headers.ToDictionary(h => h.Key, h => Secret.Contains(h.Key) ? Redact(h.Value) : h.Value, StringComparer.OrdinalIgnoreCase)
            : headers;

    public void Add(ReceivedRequest request)
    {
        var bytes = Size(request);
        lock (_lock)
        {
            _entries.Enqueue((request, bytes));
            _bytes += bytes;
            while (_entries.Count > 1 && (_entries.Count > maxEntries || _bytes > maxBytes))
            {
                _bytes -= _entries.Dequeue().Bytes;
            }
        }
    }

    public IReadOnlyList<ReceivedRequest> After(long number, int limit)
    {
        lock (_lock)
        {
            return _entries.Select(e => e.Request).Where(r => r.Number > number).Take(limit).ToList();
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _bytes = 0;
        }
    }

    /// <summary>Roughly what the entry holds in memory: two bytes a character, plus a little per header.</summary>
    private static long Size(ReceivedRequest request) =>
        2L * (request.Body.Length + request.Path.Length + request.Headers.Sum(h => h.Key.Length + h.Value.Length + 16));
}
