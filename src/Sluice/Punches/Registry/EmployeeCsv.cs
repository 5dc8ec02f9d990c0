using System.Text;

namespace Sluice.Punches.Registry;

/// <summary>
/// Reads an employee import: a header line naming the columns (<c>code,name,cpf</c> required; <c>pin</c>,
/// <c>webPin</c>, <c>active</c> optional; any order, case-insensitive), then one employee per line. Comma or
/// semicolon separated (Brazilian spreadsheets save with ';'), RFC 4180 quoting.
/// </summary>
internal static class EmployeeCsv
{
    public static readonly string[] Required = ["code", "name", "cpf"];

    public sealed record Line(int Number, Dictionary<string, string> Values);

    /// <summary>Returns the rows, or the header's problem.</summary>
    public static (List<Line> Lines, string? HeaderProblem) Read(string text)
    {
        var records = Split(text);
        if (records.Count == 0)
        {
            return ([], "The file is empty: the first line must name the columns, e.g. code,name,cpf,pin,webPin,active.");
        }

        var header = records[0].Fields.Select(f => f.Trim()).ToArray();
        var missing = Required.Where(r => !header.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return ([], $"The header lacks the column(s) {string.Join(", ", missing)}.");
        }

        var lines = new List<Line>(records.Count - 1);
        foreach (var (number, fields) in records.Skip(1))
        {
            if (fields.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length && i < fields.Count; i++)
            {
                values[header[i]] = fields[i].Trim();
            }

            lines.Add(new Line(number, values));
        }

        return (lines, null);
    }

    /// <summary>Records with the line each starts on; a quoted field may hold separators, quotes ("") and line breaks.</summary>
    private static List<(int Line, List<string> Fields)> Split(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var separator = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var records = new List<(int, List<string>)>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var start = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    line += c == '\n' ? 1 : 0;
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == separator)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                fields.Add(field.ToString().TrimEnd('\r'));
                field.Clear();
                records.Add((start, fields));
                fields = [];
                start = ++line;
            }
            else
            {
                field.Append(c);
            }
        }

        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString().TrimEnd('\r'));
            records.Add((start, fields));
        }

        return records;
    }
}
