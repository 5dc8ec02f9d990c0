using System.Security.Cryptography;
using System.Text;

namespace Sluice.Punches.Registry;

/// <summary>
/// Web PINs are short secrets, so they are kept only as salted PBKDF2-SHA256 hashes, slow enough that a stolen
/// table does not give them away cheaply. Stored as <c>pbkdf2-sha256$iterations$salt$hash</c> (base64) so the
/// cost can be raised later without breaking the hashes already stored.
/// </summary>
internal static class WebPins
{
    private const string Scheme = "pbkdf2-sha256";
    private const int Iterations = 120_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string pin)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), salt, Iterations, HashAlgorithmName.SHA256, HashBytes);
        return $"{Scheme}${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Compares in constant time, so the answer's timing tells nothing about how close a guess was.</summary>
    public static bool Verify(string pin, string? stored)
    {
        var parts = stored?.Split('$');
        if (parts is not [Scheme, var iterationsText, var saltText, var hashText] || !int.TryParse(iterationsText, out var iterations))
        {
            return false;
        }

        var expected = Convert.FromBase64String(hashText);
        var actual = Rfc2898DeriveBytes.Pbkdf2(
            Encoding.UTF8.GetBytes(pin), Convert.FromBase64String(saltText), iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }
}
