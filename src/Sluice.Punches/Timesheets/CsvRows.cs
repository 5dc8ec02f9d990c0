using System.Globalization;
using nietras.SeparatedValues;

namespace Sluice.Punches.Timesheets;

/// <summary>What the timesheet and Espelho CSVs share: Sep, a comma, quoting where a value needs it, the invariant culture.</summary>
internal static class CsvRows
{
    /// <summary>A header of <paramref name="columns"/>, then each row's values under the column of their position.</summary>
    public static string Render(string[] columns, IEnumerable<string[]> rows)
    {
        var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = Sep.New(',').Writer(o => o with { Escape = true, CultureInfo = CultureInfo.InvariantCulture }).To(text))
        {
            foreach (var values in rows)
            {
                using var row = writer.NewRow();
                for (var i = 0; i < columns.Length; i++)
                {
                    row[columns[i]].Set(values[i]);
                }
            }
        }

        return text.ToString();
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
