using System.ComponentModel.DataAnnotations;

namespace Sluice.Punches.Adms;

/// <summary>The <c>Punches:Adms</c> section: how devices prove who they are, and how much one device may send.</summary>
public sealed class AdmsOptions
{
    public const string SectionName = "Punches:Adms";

    /// <summary>
    /// Let a device registered without a comm key push with its serial alone. Off: a serial is printed on the device's
    /// label and sent in clear on every request, so it proves nothing. Turn on only to keep devices registered before
    /// comm keys existed working while HR sets their keys.
    /// </summary>
    public bool AllowDevicesWithoutKey { get; set; }

    /// <summary>
    /// How long a handshake with the right comm key lets the device's address keep calling without the key (firmware
    /// sends it on the handshake only). Each request served extends it; a device whose session ended is refused until
    /// it hands its key again, which firmware does when its requests fail.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Punches:Adms:SessionLifetime must be 1 minute to 30 days.")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Most lines in one ATTLOG upload; a longer upload is refused whole (413) and nothing of it is stored.</summary>
    [Range(1, 100_000, ErrorMessage = "Punches:Adms:MaxLinesPerUpload must be 1 to 100000.")]
    public int MaxLinesPerUpload { get; set; } = 1_000;

    /// <summary>Most ATTLOG uploads one device may make per minute; past it the device is told to retry (429).</summary>
    [Range(1, 100_000, ErrorMessage = "Punches:Adms:UploadsPerMinute must be 1 to 100000.")]
    public int UploadsPerMinute { get; set; } = 120;
}
