namespace Sluice.Punches.Adms;

/// <summary>A punch read from an ATTLOG upload, ready for intake: who, when, and the key that makes a re-send harmless.</summary>
/// <param name="LineNumber">1-based line in the body.</param>
/// <param name="Pin">The employee's device PIN.</param>
/// <param name="PunchedAt">The device time read in the device's zone.</param>
/// <param name="Status">The device's status code, informational (see <see cref="AttlogStatus"/>).</param>
/// <param name="IdempotencyKey">Same serial, PIN and time, same key (see <see cref="AdmsIdempotency"/>).</param>
/// <param name="NormalizedLine">The line as stored for audit.</param>
internal sealed record AdmsPunch(int LineNumber, string Pin, DateTimeOffset PunchedAt, int? Status, string IdempotencyKey, string NormalizedLine);

/// <summary>An ATTLOG upload read for one device: its punches, the lines that could not be read, and how many lines it had.</summary>
internal sealed record AdmsUpload(IReadOnlyList<AdmsPunch> Punches, IReadOnlyList<AttlogRejectedLine> Rejected, int Lines)
{
    /// <summary>
    /// Reads <paramref name="body"/> from device <paramref name="serial"/> whose clock runs in <paramref name="deviceZone"/>.
    /// A punch repeated within the same body yields one punch (firmware repeats lines inside a batch too).
    /// </summary>
    public static AdmsUpload Read(string serial, string body, TimeZoneInfo deviceZone)
    {
        var batch = AttlogParser.Parse(body);
        var punches = batch.Records
            .Select(r => new AdmsPunch(r.LineNumber, r.Pin, r.PunchedAt(deviceZone), r.Status, AdmsIdempotency.Key(serial, r), r.NormalizedLine))
            .DistinctBy(p => p.IdempotencyKey)
            .ToList();
        return new AdmsUpload(punches, batch.Rejected, batch.Records.Count + batch.Rejected.Count);
    }
}
