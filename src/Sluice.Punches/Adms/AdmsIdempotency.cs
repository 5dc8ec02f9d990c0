using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Sluice.Punches.Adms;

/// <summary>
/// The identity of a punch sent by a device: its serial, the PIN and the device's time, to the second. Firmware re-sends
/// whole batches, and the other fields (status, verify mode, work code, reserved) do not make another punch: a person
/// cannot punch twice in one second on one device, and Sluice pairs punches by time, never by status. So a line sent
/// again with another work code or status is the same punch, stored once. The key is the punch's Idempotency-Key in
/// the journal.
/// </summary>
internal static class AdmsIdempotency
{
    public const string Prefix = "adms-";

    /// <summary><c>adms-</c> + lower-case hex SHA-256 of UTF-8 <c>serial \n PIN \n yyyy-MM-dd HH:mm:ss</c> (69 visible ASCII characters).</summary>
    public static string Key(string serial, string pin, DateTime localTime) =>
        Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{serial}\n{pin}\n{localTime:yyyy-MM-dd HH:mm:ss}"))));

    public static string Key(string serial, AttlogRecord record) => Key(serial, record.Pin, record.LocalTime);
}
