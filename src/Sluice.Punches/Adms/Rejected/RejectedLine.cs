namespace Sluice.Punches.Adms.Rejected;

/// <summary>A line a device sent that Sluice could not take as a punch, and why; HR decides what to do with it.</summary>
/// <param name="Serial">The device that sent it.</param>
/// <param name="LineNumber">Where it was in the upload that first carried it (1-based).</param>
/// <param name="Pin">The PIN, when the line had a readable one.</param>
/// <param name="Line">The line as received (control characters blanked, at most <see cref="MaxLineLength"/> characters).</param>
/// <param name="Reason">Why it was not taken, in words for HR.</param>
/// <param name="ReceivedAt">When Sluice first received it.</param>
public sealed record RejectedLine(string Serial, int LineNumber, string? Pin, string Line, string Reason, DateTimeOffset ReceivedAt)
{
    public const int MaxLineLength = 512;
}
