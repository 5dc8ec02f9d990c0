using nietras.SeparatedValues;

namespace Sluice.Punches.Registry;

/// <summary>
/// Reads an employee import with Sep: a header line naming the columns (<c>code,name,cpf</c> required; <c>pin</c>,
/// <c>webPin</c>, <c>active</c>, <c>responsibleCpf</c> optional; any order, case-insensitive), then one employee per
/// row. The separator is found from the header (Brazilian spreadsheets save with ';', others with ','); RFC 4180
/// quoting; a UTF-8 byte order mark is dropped. Every row comes back either as a line to import or as a problem
/// with its line and field: none is skipped unseen.
/// </summary>
internal static class EmployeeCsv
{
    public static readonly string[] Required = ["code", "name", "cpf"];

    public sealed record Line(int Number, Dictionary<string, string> Values);

    /// <param name="Line">1-based line of the file where the row starts (the header is line 1).</param>
    public sealed record Problem(int Line, string Field, string Reason);

    /// <param name="Lines">Rows to import.</param>
    /// <param name="Problems">Rows that cannot be read as employees.</param>
    /// <param name="HeaderProblem">Set when the header itself is unusable; then nothing else is read.</param>
    public sealed record Content(List<Line> Lines, List<Problem> Problems, string? HeaderProblem)
    {
        public int Rows => Lines.Count + Problems.Count;
    }

    /// <param name="text">The file.</param>
    /// <param name="maxRows">Reading stops once more rows than this are read: the caller refuses the file anyway, and
    /// it bounds the re-reading after rows whose quotes do not pair up.</param>
    public static Content Read(string text, int maxRows = int.MaxValue)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = new List<Line>();
        var problems = new List<Problem>();
        var lineStarts = LineStarts(text);
        string[]? header = null;
        Sep? separator = null;
        // Sep takes any quote as opening or closing quoting, wherever it stands, so a quote left open swallows the
        // rows after it into one field (RFC 4180 lets a quoted field span lines). A row with a field that is not
        // well quoted is reported, and when it spans lines, reading starts again on the line after its first, so
        // the rows it swallowed are imported or reported on their own instead of vanishing into it.
        var resumeAfter = 0;
        while (true)
        {
            int? malformedAt = null;
            using (var reader = Sep.Reader(o => o with
            {
                Sep = separator,
                HasHeader = false,
                DisableColCountCheck = true,
                // Quotes are checked (WellQuoted) before they are taken off, which Sep's own unescaping would not allow.
                Unescape = false,
                Trim = SepTrim.Outer,
            }).From(new TailReader(text, lineStarts[resumeAfter])))
            {
                separator ??= reader.Spec.Sep;
                foreach (var row in reader)
                {
                    if (lines.Count + problems.Count > maxRows)
                    {
                        return new Content(lines, problems, null);
                    }

                    // Sep 0.18 numbers the first row from line 2 when told there is no header; it starts on line 1.
                    var first = row.RowIndex == 0 ? 1 : row.LineNumberFrom;
                    var from = first + resumeAfter;
                    var fields = new string[row.ColCount];
                    var badField = -1;
                    for (var i = 0; i < fields.Length; i++)
                    {
                        var raw = row[i].Span;
                        if (badField < 0 && !WellQuoted(raw))
                        {
                            badField = i;
                        }

                        fields[i] = Unquote(raw);
                    }

                    if (header is null)
                    {
                        header = fields;
                        if (HeaderProblem(header) is { } headerProblem)
                        {
                            return new Content([], [], headerProblem);
                        }

                        continue;
                    }

                    if (badField >= 0)
                    {
                        problems.Add(new Problem(from, FieldName(header, badField),
                            "The quotes in this field do not pair up (a quote left open, or a quote inside a value not written twice as \"\"); the row was not read."));
                        if (row.LineNumberToExcl - first > 1)
                        {
                            malformedAt = from;
                            break;
                        }

                        continue;
                    }

                    if (fields.All(string.IsNullOrWhiteSpace))
                    {
                        continue;
                    }

                    if (fields.Length > header.Length)
                    {
                        problems.Add(new Problem(from, FieldName(header, header.Length),
                            $"The row has {fields.Length} fields and the header names {header.Length}: quote a value that holds the separator."));
                        continue;
                    }

                    var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                    for (var i = 0; i < fields.Length; i++)
                    {
                        values[header[i]] = fields[i];
                    }

                    lines.Add(new Line(from, values));
                }
            }

            if (header is null)
            {
                return new Content([], [], "The file is empty: the first line must name the columns, e.g. code,name,cpf,pin,webPin,active.");
            }

            if (malformedAt is not { } line || line >= lineStarts.Count)
            {
                return new Content(lines, problems, null);
            }

            resumeAfter = line;
        }
    }

    private static string? HeaderProblem(string[] header)
    {
        var missing = Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return $"The header lacks the column(s) {string.Join(", ", missing)}.";
        }

        var repeated = header.Where(h => h.Length > 0).GroupBy(h => h, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        return repeated.Count > 0 ? $"The header names the column(s) {string.Join(", ", repeated)} more than once." : null;
    }

    private static string FieldName(string[] header, int index) =>
        index < header.Length && header[index].Length > 0 ? header[index] : $"column {index + 1}";

    /// <summary>Where each line starts; a line ends at CRLF, LF or CR, as Sep counts them.</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                starts.Add(i + 1);
            }
        }

        return starts;
    }

    /// <summary>The text from <paramref name="start"/> on, so a fresh Sep reader can start mid-file without copying the rest.</summary>
    private sealed class TailReader(string text, int start) : TextReader
    {
        private int _position = start;

        public override int Peek() => _position < text.Length ? text[_position] : -1;

        public override int Read() => _position < text.Length ? text[_position++] : -1;

        public override int Read(Span<char> buffer)
        {
            var count = Math.Min(buffer.Length, text.Length - _position);
            text.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));
    }

    /// <summary>RFC 4180: a field has no quote, or is wholly quoted with every quote inside it doubled.</summary>
    private static bool WellQuoted(ReadOnlySpan<char> raw)
    {
        if (!raw.Contains('"'))
        {
            return true;
        }

        if (raw.Length < 2 || raw[0] != '"' || raw[^1] != '"')
        {
            return false;
        }

        var inner = raw[1..^1];
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] == '"' && (++i == inner.Length || inner[i] != '"'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The value of a well-quoted field: outer quotes off, doubled quotes single, spaces trimmed.</summary>
    private static string Unquote(ReadOnlySpan<char> raw) =>
        (raw is ['"', .., '"'] ? raw[1..^1].ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : raw.ToString()).Trim();
}
