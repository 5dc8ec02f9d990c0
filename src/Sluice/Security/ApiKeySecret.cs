using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sluice.Security;

/// <summary>
/// API key secrets: 256 random bits, shown once, stored only as their SHA-256. A slow password hash would add
/// nothing here: nobody can guess 256 random bits, and intake checks a key on every request.
/// </summary>
public static class ApiKeySecret
{
    public const string Header = "X-Api-Key";
    public const string Prefix = "sk_";

    /// <summary>Longest header value worth hashing; anything longer is not a key of ours.</summary>
    public const int MaxLength = 128;

    public static string Create() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    public static bool LooksValid(string? presented) =>
        presented is { Length: > 3 and <= MaxLength } && presented.StartsWith(Prefix, StringComparison.Ordinal);
}
