using System.Globalization;
using System.Text.RegularExpressions;

namespace Sluice.Punches.Adms;

/// <summary>
/// Reads an ATTLOG body: <c>PIN \t yyyy-MM-dd HH:mm:ss \t Status \t Verify \t WorkCode \t Reserved1 \t Reserved2</c>
/// per line. Liberal, because firmware differs: <c>\r\n</c> or <c>\n</c>, blank lines, a byte order mark, extra or
/// missing trailing fields, spaces instead of tabs (also between date and time, or between all fields), minutes
/// without seconds, '/' or 'T' in the time. A line that still has no PIN or no time is rejected, not guessed.
/// </summary>
internal static partial class AttlogParser
{
    public const int MaxPinLength = 32;
    private const string NormalizedTimeFormat = "yyyy-MM-dd HH:mm:ss";

    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd H:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd H:mm",
        "yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd H:mm:ss", "yyyy/MM/dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm",
    ];

    public static AttlogBatch Parse(string body)
    {
        var records = new List<AttlogRecord>();
        var rejected = new List<AttlogRejectedLine>();
        var lineNumber = 0;
        foreach (var rawLine in body.TrimStart('\uFEFF').Split('\n'))
        {
            lineNumber++;
            var line = rawLine.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (TryParseLine(line, lineNumber, out var record, out var reason))
            {
                records.Add(record);
            }
            else
            {
                rejected.Add(new AttlogRejectedLine(lineNumber, line, reason));
            }
        }

        return new AttlogBatch(records, rejected);
    }

    private static bool TryParseLine(string line, int lineNumber, out AttlogRecord record, out string reason)
    {
        record = null!;
        var fields = line.Contains('\t')
            ? line.Split('\t').Select(f => Spaces().Replace(f.Trim(), " ")).ToList()
            : [.. Spaces().Split(line)];

        var pin = fields[0];
        if (!IsPin(pin))
        {
            reason = $"The PIN must be 1 to {MaxPinLength} letters, digits, '.', '_' or '-'.";
            return false;
        }

        // The time is one field ("2026-11-02 08:00:00") or, when spaces separated everything, two.
        var next = 2;
        DateTime localTime = default;
        var hasTime = fields.Count > 1 && TryParseTime(fields[1], out localTime);
        if (!hasTime && fields.Count > 2 && TryParseTime(fields[1] + " " + fields[2], out localTime))
        {
            hasTime = true;
            next = 3;
        }

        if (!hasTime)
        {
            reason = "The second field must be the device time, yyyy-MM-dd HH:mm:ss.";
            return false;
        }

        var rest = fields.Skip(next).ToList();
        while (rest.Count > 0 && rest[^1].Length == 0)
        {
            rest.RemoveAt(rest.Count - 1);
        }

        var normalized = string.Join('\t', [pin, localTime.ToString(NormalizedTimeFormat, CultureInfo.InvariantCulture), .. rest]);
        record = new AttlogRecord(
            lineNumber, pin, localTime, Int(rest, 0), Int(rest, 1), rest.Count > 2 && rest[2].Length > 0 ? rest[2] : null, normalized);
        reason = "";
        return true;
    }

    private static bool IsPin(string pin) =>
        pin.Length is > 0 and <= MaxPinLength && pin.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static bool TryParseTime(string text, out DateTime time) =>
        DateTime.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    private static int? Int(List<string> fields, int index) =>
        index < fields.Count && int.TryParse(fields[index], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
