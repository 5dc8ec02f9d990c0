namespace Sluice.Punches.Adms;

/// <summary>One punch line of an ATTLOG upload.</summary>
/// <param name="LineNumber">1-based line in the body (for error reports).</param>
/// <param name="Pin">The employee's PIN on the device, as sent (leading zeros kept).</param>
/// <param name="LocalTime">The device's wall-clock time, no zone (see <see cref="PunchedAt"/>).</param>
/// <param name="Status">Status code when numeric (see <see cref="AttlogStatus"/>).</param>
/// <param name="Verify">How the employee was verified (finger, card, password...) when numeric.</param>
/// <param name="WorkCode">Work code when sent.</param>
/// <param name="NormalizedLine">
/// The line in one spelling: fields trimmed, tab-separated, time as <c>yyyy-MM-dd HH:mm:ss</c>, trailing empty fields
/// dropped. The same punch re-sent with other line endings or spacing normalizes the same (see <see cref="AdmsIdempotency"/>).
/// </param>
internal sealed record AttlogRecord(
    int LineNumber, string Pin, DateTime LocalTime, int? Status, int? Verify, string? WorkCode, string NormalizedLine)
{
    /// <summary>The instant of the punch, reading the device's clock in <paramref name="deviceZone"/> (DST edges: <see cref="ZoneTime"/>).</summary>
    public DateTimeOffset PunchedAt(TimeZoneInfo deviceZone) => ZoneTime.ToInstant(LocalTime, deviceZone);
}

/// <summary>A line that could not be read as a punch, and why.</summary>
internal sealed record AttlogRejectedLine(int LineNumber, string Line, string Reason);

/// <summary>The readable punches of an upload and the lines that were not.</summary>
internal sealed record AttlogBatch(IReadOnlyList<AttlogRecord> Records, IReadOnlyList<AttlogRejectedLine> Rejected);
