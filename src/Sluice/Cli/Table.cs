using System.Globalization;
using Spectre.Console;
using SpectreTable = Spectre.Console.Table;

namespace Sluice.Cli;

/// <summary>
/// Prints rows as aligned columns, without borders, so a script can split them on spaces; a column of numbers is
/// right-aligned (ids and dates, which merely start with digits, are not).
/// </summary>
internal static class Table
{
    public static void Print(string[] header, IEnumerable<string[]> rows) => Print(CliConsole.Out, header, rows);

    public static void Print(IAnsiConsole console, string[] header, IEnumerable<string[]> rows)
    {
        var all = rows.ToList();
        var table = new SpectreTable().Border(TableBorder.None);
        for (var i = 0; i < header.Length; i++)
        {
            var column = new TableColumn(new Text(header[i], new Style(decoration: Decoration.Bold))).PadLeft(0).PadRight(2);
            var cells = all.Select(r => r[i]).Where(c => c.Length > 0).ToList();
            table.AddColumn(cells.Count > 0 && cells.All(IsNumber) ? column.RightAligned() : column);
        }

        foreach (var row in all)
        {
            // Text, not markup: a '[' in an error message is printed, not read as a style.
            table.AddRow(row.Select(cell => new Text(cell)));
        }

        console.Write(table);
        if (all.Count == 0)
        {
            console.WriteLine("(none)");
        }
    }

    private static bool IsNumber(string cell) => decimal.TryParse(cell, NumberStyles.Number, CultureInfo.InvariantCulture, out _);
}
