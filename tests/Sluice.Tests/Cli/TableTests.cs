using Sluice.Cli;

namespace Sluice.Tests.Cli;

/// <summary>The command line's tables as a script reads them: output redirected, one row a line, columns split by spaces.</summary>
public sealed class TableTests
{
    [Fact]
    public void A_redirected_table_keeps_each_row_on_one_line_however_wide()
    {
        var error = string.Join(' ', Enumerable.Repeat("the legacy system said no", 12));

        var lines = Print(["id", "last error"], [["0199a0c3-1111-7222-8333-444455556666", error]]);

        Assert.Equal(2, lines.Length);
        Assert.EndsWith(error, lines[1].TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_are_right_aligned_and_ids_and_dates_that_start_with_digits_are_not()
    {
        var lines = Print(["id", "attempts", "failed at"], [["0199a0c3", "3", "2026-12-07"], ["1288b0c4", "12", "2026-12-08"]]);

        Assert.StartsWith("0199a0c3  ", lines[1], StringComparison.Ordinal);
        Assert.Equal(lines[1].IndexOf(" 3 ", StringComparison.Ordinal) + 1, lines[2].IndexOf(" 12 ", StringComparison.Ordinal) + 2);
    }

    [Fact]
    public void Cells_are_printed_as_given_even_when_they_look_like_markup()
    {
        var lines = Print(["error"], [["[red]refused[/] [429]"]]);

        Assert.Equal("[red]refused[/] [429]", lines[1].TrimEnd());
    }

    [Fact]
    public void A_table_without_rows_says_so()
    {
        Assert.Equal(["id", "(none)"], Print(["id"], []).Select(l => l.TrimEnd()));
    }

    private static string[] Print(string[] header, string[][] rows)
    {
        using var output = new StringWriter();
        Table.Print(CliConsole.Create(output, redirected: true), header, rows);
        return output.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
    }
}
