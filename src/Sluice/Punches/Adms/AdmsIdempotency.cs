using System.Security.Cryptography;
using System.Text;

namespace Sluice.Punches.Adms;

/// <summary>
/// The identity of a punch line sent by a device: firmware re-sends whole batches when it does not like a reply,
/// so the same (serial, line) must be stored once. The key is the punch's Idempotency-Key in the journal.
/// </summary>
internal static class AdmsIdempotency
{
    public const string Prefix = "adms-";

    /// <summary><c>adms-</c> + lower-case hex SHA-256 of UTF-8 <c>serial + "\n" + normalized line</c> (69 visible ASCII characters).</summary>
    public static string Key(string serial, string normalizedLine) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(serial + "\n" + normalizedLine)));

    public static string Key(string serial, AttlogRecord record) => Key(serial, record.NormalizedLine);
}
