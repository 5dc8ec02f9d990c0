using Sluice.Punches.Registry;

namespace Sluice.Tests.Punches.Registry;

public sealed class EmployeeCsvTests
{
    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks_and_rows_keep_their_line_numbers()
    {
        var (lines, problem) = EmployeeCsv.Read("CPF,Code,Name\r\n52998224725,1001,\"Souza, Ana \"\"Nina\"\"\"\r\n\r\n11144477735,1002,\"Two\nLines\"\n");

        Assert.Null(problem);
        Assert.Equal([2, 4], lines.Select(l => l.Number));
        Assert.Equal("Souza, Ana \"Nina\"", lines[0].Values["name"]);
        Assert.Equal("Two\nLines", lines[1].Values["NAME"]);
        Assert.Equal("1002", lines[1].Values["code"]);
    }

    [Fact]
    public void Semicolons_are_read_when_the_header_uses_them()
    {
        var (lines, _) = EmployeeCsv.Read("code;name;cpf\n1001;Ana;529.982.247-25\n");

        Assert.Equal("529.982.247-25", Assert.Single(lines).Values["cpf"]);
    }

    [Fact]
    public void A_header_without_the_required_columns_is_a_problem()
    {
        var (lines, problem) = EmployeeCsv.Read("code,nome\n1001,Ana\n");

        Assert.Empty(lines);
        Assert.Contains("name, cpf", problem, StringComparison.Ordinal);
    }
}
