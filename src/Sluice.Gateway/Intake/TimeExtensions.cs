namespace Sluice.Intake;

internal static class TimeExtensions
{
    /// <summary>The journal keeps milliseconds; a receipt must show the time exactly as a later read will.</summary>
    public static DateTimeOffset TruncatedToMilliseconds(this DateTimeOffset value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, value.Offset);
}
