using System.Globalization;
using System.Text;

namespace Sluice.Punches.Adms;

/// <summary>
/// The plain-text bodies devices expect. Lines end with <c>\n</c> (what the community write-ups show; the firmware
/// seen in them splits on <c>\n</c> and ignores a trailing <c>\r</c>).
/// </summary>
internal static class AdmsResponses
{
    public const string ContentType = "text/plain";

    /// <summary>Nothing to do (getrequest), or another table accepted and ignored, or a command result taken.</summary>
    public const string Ok = "OK";

    /// <summary>
    /// Sent with 403 to an unknown serial, a wrong or missing comm key, or a caller outside the device's networks alike,
    /// so the answer tells nobody which serials exist; nothing was stored.
    /// </summary>
    public const string NotAuthorized = "ERROR: device not authorized";

    /// <summary>Sent with 413 when an upload has more lines than allowed; nothing of it was stored.</summary>
    public static string TooManyLines(int max) => "ERROR: at most " + max.ToString(CultureInfo.InvariantCulture) + " lines per upload";

    /// <summary>Sent with 429 when a device uploads more often than allowed; nothing of that upload was stored.</summary>
    public const string TooManyUploads = "ERROR: too many uploads, try again later";

    /// <summary>Sent with 400 when the request has no <c>SN</c>.</summary>
    public const string MissingSerial = "ERROR: SN is required";

    /// <summary>The reply to an ATTLOG upload, once its punches are stored: <c>OK: n</c>.</summary>
    public static string Accepted(int count) => "OK: " + count.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The reply to <c>GET /iclock/cdata?SN=…&amp;options=all</c>. <c>ATTLOGStamp=None</c> asks the device for every
    /// record it holds: safe, since a re-sent line is stored once. The zone is in hours; a zone that is not a whole
    /// number of hours is written with a decimal point (unverified: firmware may expect minutes there).
    /// </summary>
    public static string Handshake(string serial, AdmsHandshakeSettings settings)
    {
        var hours = settings.TimeZoneOffset.TotalHours;
        var text = new StringBuilder()
            .Append("GET OPTION FROM: ").Append(Sanitize(serial)).Append('\n')
            .Append("ATTLOGStamp=None\n")
            .Append("OPERLOGStamp=9999\n")
            .Append("ATTPHOTOStamp=None\n")
            .Append(CultureInfo.InvariantCulture, $"ErrorDelay={settings.ErrorDelay}\n")
            .Append(CultureInfo.InvariantCulture, $"Delay={settings.Delay}\n")
            .Append("TransTimes=").Append(Sanitize(settings.TransTimes)).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"TransInterval={settings.TransInterval}\n")
            .Append("TransFlag=TransData AttLog OpLog\n")
            .Append("TimeZone=").Append(hours.ToString("0.##", CultureInfo.InvariantCulture)).Append('\n')
            .Append("Realtime=").Append(settings.Realtime ? '1' : '0').Append('\n')
            .Append("Encrypt=None\n");
        return text.ToString();
    }

    /// <summary>Echoed values never carry a line break into the reply.</summary>
    internal static string Sanitize(string value) =>
        string.Create(value.Length, value, static (span, v) =>
        {
            for (var i = 0; i < v.Length; i++)
            {
                span[i] = char.IsControl(v[i]) ? ' ' : v[i];
            }
        });
}
