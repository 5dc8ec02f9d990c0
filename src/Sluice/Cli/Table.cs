namespace Sluice.Cli;

/// <summary>Prints rows as aligned columns; numbers (anything starting with a digit) are right-aligned.</summary>
internal static class Table
{
    public static void Print(string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = header.Select((_, i) => all.Max(r => r[i].Length)).ToArray();
        foreach (var row in all)
        {
            var cells = row.Select((cell, i) => cell.Length > 0 && char.IsDigit(cell[0]) && row != header ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
            Console.WriteLine(string.Join("  ", cells).TrimEnd());
        }

        if (all.Count == 1)
        {
            Console.WriteLine("(none)");
        }
    }
}
