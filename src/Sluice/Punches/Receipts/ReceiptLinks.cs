using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sluice.Punches.Receipts;

/// <summary>
/// Links to one punch's receipt that the worker opens without any Sluice credential: the punch id and an expiry,
/// signed with HMAC-SHA256. Whoever holds the link sees that one receipt until it expires; nobody can make a link
/// to another punch, or stretch one, without the key.
/// </summary>
/// <remarks>
/// The key is <see cref="PunchesOptions.ReceiptLinkKey"/>. Unset, each process draws a random one at start: links
/// are then good only on the node that made them and only until it restarts, which is safe but inconvenient, so
/// it is logged. There is no published default, so no environment signs with a key anyone else knows.
/// </remarks>
internal sealed partial class ReceiptLinks
{
    public const string PathPrefix = "/punch/receipts/";

    // Domain separation: the same key must never yield a valid link for something other than a receipt.
    private static readonly byte[] Purpose = Encoding.ASCII.GetBytes("sluice-receipt-link-v1\n");
    private const int IdBytes = 16;
    private const int ExpiryBytes = 8;
    private const int SignatureBytes = 32;
    private const int TokenBytes = IdBytes + ExpiryBytes + SignatureBytes;

    private readonly byte[] _key;
    private readonly TimeSpan _lifetime;
    private readonly TimeProvider _time;

    public ReceiptLinks(IOptions<PunchesOptions> options, TimeProvider time, ILogger<ReceiptLinks> logger)
    {
        _time = time;
        _lifetime = options.Value.ReceiptLinkLifetime;
        if (options.Value.ReceiptLinkKey is { Length: > 0 } key)
        {
            _key = Encoding.UTF8.GetBytes(key);
        }
        else
        {
            _key = RandomNumberGenerator.GetBytes(32);
            LogRandomKey(logger);
        }
    }

    /// <summary>The path of a link to the punch's receipt, good for <see cref="PunchesOptions.ReceiptLinkLifetime"/> from now.</summary>
    public string PathFor(Guid punchId) => PathPrefix + Sign(punchId, _time.GetUtcNow() + _lifetime);

    public string Sign(Guid punchId, DateTimeOffset expires)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        punchId.TryWriteBytes(token[..IdBytes], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.Slice(IdBytes, ExpiryBytes), expires.ToUnixTimeSeconds());
        Mac(token[..(IdBytes + ExpiryBytes)], token[(IdBytes + ExpiryBytes)..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Reads a token: the punch it names when it is genuine and not expired.</summary>
    public ReceiptLink Read(string token)
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (token.Length != Base64Url.GetEncodedLength(TokenBytes)
            || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes)
        {
            return new ReceiptLink(ReceiptLinkState.Invalid, Guid.Empty, default);
        }

        Span<byte> expected = stackalloc byte[SignatureBytes];
        Mac(bytes[..(IdBytes + ExpiryBytes)], expected);
        // Constant time: the answer's timing must not tell how much of a forged signature was right.
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[(IdBytes + ExpiryBytes)..]))
        {
            return new ReceiptLink(ReceiptLinkState.Invalid, Guid.Empty, default);
        }

        var id = new Guid(bytes[..IdBytes], bigEndian: true);
        var expires = DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.Slice(IdBytes, ExpiryBytes)));
        return new ReceiptLink(_time.GetUtcNow() < expires ? ReceiptLinkState.Valid : ReceiptLinkState.Expired, id, expires);
    }

    private void Mac(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[Purpose.Length + payload.Length];
        Purpose.CopyTo(message);
        payload.CopyTo(message[Purpose.Length..]);
        HMACSHA256.HashData(_key, message, destination);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "Punches:ReceiptLinkKey is not set: receipt links are signed with a random key, so they work only on this node and until it restarts.")]
    private static partial void LogRandomKey(ILogger logger);
}

internal enum ReceiptLinkState
{
    Valid,
    Expired,
    Invalid,
}

/// <param name="PunchId">The punch (message) id; empty when <see cref="State"/> is <see cref="ReceiptLinkState.Invalid"/>.</param>
internal sealed record ReceiptLink(ReceiptLinkState State, Guid PunchId, DateTimeOffset Expires);
