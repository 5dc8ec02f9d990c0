namespace Sluice.Punches.Adms;

/// <summary>What the handshake tells a device (seconds and times as the protocol spells them).</summary>
/// <param name="TimeZoneOffset">The device's UTC offset (<c>TimeZone=</c>, in hours).</param>
/// <param name="Delay">Seconds between the device's polls (<c>Delay=</c>).</param>
/// <param name="ErrorDelay">Seconds the device waits after a failed request (<c>ErrorDelay=</c>).</param>
/// <param name="TransTimes">Times of day of scheduled uploads (<c>TransTimes=</c>).</param>
/// <param name="TransInterval">Minutes between uploads of new records (<c>TransInterval=</c>).</param>
/// <param name="Realtime">Upload each punch as it happens (<c>Realtime=1</c>).</param>
internal sealed record AdmsHandshakeSettings(
    TimeSpan TimeZoneOffset,
    int Delay = 10,
    int ErrorDelay = 30,
    string TransTimes = "00:00;14:05",
    int TransInterval = 1,
    bool Realtime = true);
