using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sluice.Punches.WebPage;

/// <summary>
/// Tokens for the worker's links that open without a Sluice credential: an id and an expiry, signed with
/// HMAC-SHA256 under a purpose, so a token made for one kind of link (a receipt) is never good for another (an
/// Espelho). Whoever holds a token may use it until it expires; nobody can make one for another id, or stretch
/// one, without the key.
/// </summary>
internal sealed class LinkTokens(byte[] key, string purpose)
{
    private const int IdBytes = 16;
    private const int ExpiryBytes = 8;
    private const int SignatureBytes = 32;
    private const int TokenBytes = IdBytes + ExpiryBytes + SignatureBytes;

    // Domain separation: the same key must never yield a valid token for another purpose.
    private readonly byte[] _purpose = Encoding.ASCII.GetBytes(purpose + "\n");

    public string Sign(Guid id, DateTimeOffset expires)
    {
        Span<byte> token = stackalloc byte[TokenBytes];
        id.TryWriteBytes(token[..IdBytes], bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(token.Slice(IdBytes, ExpiryBytes), expires.ToUnixTimeSeconds());
        Mac(token[..(IdBytes + ExpiryBytes)], token[(IdBytes + ExpiryBytes)..]);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>The id and expiry a genuine token carries; null for anything else.</summary>
    public (Guid Id, DateTimeOffset Expires)? Read(string token)
    {
        Span<byte> bytes = stackalloc byte[TokenBytes];
        if (token.Length != Base64Url.GetEncodedLength(TokenBytes)
            || !Base64Url.TryDecodeFromChars(token, bytes, out var written) || written != TokenBytes)
        {
            return null;
        }

        Span<byte> expected = stackalloc byte[SignatureBytes];
        Mac(bytes[..(IdBytes + ExpiryBytes)], expected);
        // Constant time: the answer's timing must not tell how much of a forged signature was right.
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes[(IdBytes + ExpiryBytes)..]))
        {
            return null;
        }

        return (new Guid(bytes[..IdBytes], bigEndian: true),
            DateTimeOffset.FromUnixTimeSeconds(BinaryPrimitives.ReadInt64BigEndian(bytes.Slice(IdBytes, ExpiryBytes))));
    }

    private void Mac(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        Span<byte> message = stackalloc byte[_purpose.Length + payload.Length];
        _purpose.CopyTo(message);
        payload.CopyTo(message[_purpose.Length..]);
        HMACSHA256.HashData(key, message, destination);
    }
}
