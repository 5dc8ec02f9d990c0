using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Sluice.Punches.Adms;

/// <summary>
/// A device's push comm key, kept as <c>sha256$salt$hash</c>: the registry never holds the key itself, and a
/// copy of the database does not let anyone push as the device.
/// </summary>
internal static partial class AdmsCommKey
{
    public const int MinLength = 6;
    public const int MaxLength = 64;

    // Checked against when the serial is unknown, so an unknown device costs the same hash as a known one.
    private static readonly string Decoy = Hash(Convert.ToHexString(RandomNumberGenerator.GetBytes(16)));

    /// <summary>Letters and digits only: firmware writes the key into the query string as it is, unescaped.</summary>
    public static bool IsValid(string? key) => key is { Length: >= MinLength and <= MaxLength } && KeyPattern().IsMatch(key);

    public static string Hash(string key)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return $"sha256${Convert.ToHexStringLower(salt)}${Convert.ToHexStringLower(Digest(salt, key))}";
    }

    /// <summary>Whether <paramref name="key"/> is the one hashed in <paramref name="stored"/> (null: an unknown device, always false).</summary>
    public static bool Matches(string? stored, string key)
    {
        var parts = (stored ?? Decoy).Split('$');
        var match = parts.Length == 3 && parts[0] == "sha256"
            && CryptographicOperations.FixedTimeEquals(Digest(Convert.FromHexString(parts[1]), key), Convert.FromHexString(parts[2]));
        return stored is not null && match;
    }

    private static byte[] Digest(byte[] salt, string key) => SHA256.HashData([.. salt, .. Encoding.UTF8.GetBytes(key)]);

    [GeneratedRegex("^[A-Za-z0-9]+$")]
    private static partial Regex KeyPattern();
}
