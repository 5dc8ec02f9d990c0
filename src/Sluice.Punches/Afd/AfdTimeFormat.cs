using System.Globalization;

namespace Sluice.Punches.Afd;

/// <summary>
/// The AFD's two time formats: <c>D</c> = <c>AAAA-MM-dd</c> and <c>DH</c> = <c>AAAA-MM-ddThh:mm:00ZZZZZ</c>
/// (e.g. <c>2021-04-27T16:44:00-0300</c>). Seconds are always written as <c>00</c>: the time is truncated to
/// the minute, never rounded, so a punch at 08:00:59 stays at 08:00. The offset is the value's own, signed,
/// without a colon.
/// </summary>
internal static class AfdTimeFormat
{
    public const int DateWidth = 10;
    public const int DateTimeWidth = 24;

    public static void WriteDate(DateOnly value, Span<char> destination) =>
        value.TryFormat(destination, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static void WriteDateTime(DateTimeOffset value, Span<char> destination)
    {
        value.DateTime.TryFormat(destination, out _, "yyyy-MM-dd'T'HH:mm':00'", CultureInfo.InvariantCulture);
        var offset = value.Offset;
        destination[19] = offset < TimeSpan.Zero ? '-' : '+';
        var minutes = Math.Abs((int)offset.TotalMinutes);
        (minutes / 60).TryFormat(destination[20..22], out _, "00", CultureInfo.InvariantCulture);
        (minutes % 60).TryFormat(destination[22..24], out _, "00", CultureInfo.InvariantCulture);
    }

    public static string Date(DateOnly value)
    {
        Span<char> buffer = stackalloc char[DateWidth];
        WriteDate(value, buffer);
        return new string(buffer);
    }

    public static string DateTime(DateTimeOffset value)
    {
        Span<char> buffer = stackalloc char[DateTimeWidth];
        WriteDateTime(value, buffer);
        return new string(buffer);
    }
}
