namespace Sluice.Punches;

/// <summary>Local wall-clock times of a time zone turned into instants, with one rule for DST edges.</summary>
/// <remarks>
/// A local time that does not exist (the hour skipped when clocks go forward) is read with the offset in force
/// before the jump, as a device whose clock has not moved yet would mean it; a local time that exists twice
/// (clocks go back) is read as its first occurrence. Brazil has had no DST since 2019, but devices and
/// establishments elsewhere, and old data, do.
/// </remarks>
internal static class ZoneTime
{
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
        {
            return new DateTimeOffset(local, zone.GetUtcOffset(local.AddDays(-1))).ToOffset(zone.GetUtcOffset(local.AddDays(1)));
        }

        if (zone.IsAmbiguousTime(local))
        {
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone) =>
        ToInstant(date.ToDateTime(TimeOnly.MinValue), zone);

    /// <summary>The instant as the zone's wall clock shows it (offset included).</summary>
    public static DateTimeOffset InZone(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly LocalDate(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(InZone(instant, zone).DateTime);
}
