using Sluice.Punches.Registry;

namespace Sluice.Tests.Punches.Registry;

public sealed class EmployeeCsvTests
{
    [Fact]
    public void Quoted_fields_keep_separators_quotes_and_line_breaks_and_rows_keep_their_line_numbers()
    {
        var csv = EmployeeCsv.Read("CPF,Code,Name\r\n52998224725,1001,\"Souza, Ana \"\"Nina\"\"\"\r\n\r\n11144477735,1002,\"Two\nLines\"\n");

        Assert.Null(csv.HeaderProblem);
        Assert.Empty(csv.Problems);
        Assert.Equal([2, 4], csv.Lines.Select(l => l.Number));
        Assert.Equal("Souza, Ana \"Nina\"", csv.Lines[0].Values["name"]);
        Assert.Equal("Two\nLines", csv.Lines[1].Values["NAME"]);
        Assert.Equal("1002", csv.Lines[1].Values["code"]);
    }

    [Fact]
    public void Semicolons_are_read_when_the_header_uses_them_and_commas_inside_values_stay()
    {
        var csv = EmployeeCsv.Read("code;name;cpf\n1001;Souza, Ana;529.982.247-25\n1002;\"Lima; Bruno\";111.444.777-35\n");

        Assert.Equal(["Souza, Ana", "Lima; Bruno"], csv.Lines.Select(l => l.Values["name"]));
        Assert.Equal("529.982.247-25", csv.Lines[0].Values["cpf"]);
    }

    [Fact]
    public void A_byte_order_mark_before_the_header_is_dropped()
    {
        var csv = EmployeeCsv.Read("\uFEFFcode;name;cpf\r\n1001;Ana;529.982.247-25\r\n");

        Assert.Null(csv.HeaderProblem);
        Assert.Equal("1001", Assert.Single(csv.Lines).Values["code"]);
    }

    [Fact]
    public void An_unclosed_quote_is_reported_on_its_line_and_field_and_every_later_row_is_still_read()
    {
        var csv = EmployeeCsv.Read(
            "code,name,cpf\n" +
            "1001,Ana,529.982.247-25\n" +
            "1002,\"Bruno Lima,111.444.777-35\n" +
            "1003,Carla,123.456.789-09\n" +
            "1004,\"Davi\",987.654.321-00\n" +
            "1005,\"Eva,000.000.001-91\n" +
            "1006,Fabio,222.333.444-05\n");

        Assert.Equal([(3, "name"), (6, "name")], csv.Problems.Select(p => (p.Line, p.Field)));
        Assert.Contains("do not pair up", csv.Problems[0].Reason, StringComparison.Ordinal);
        Assert.Equal([(2, "1001"), (4, "1003"), (5, "1004"), (7, "1006")], csv.Lines.Select(l => (l.Number, l.Values["code"])));
        Assert.Equal("Davi", csv.Lines[2].Values["name"]);
        Assert.Equal(6, csv.Rows);
    }

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_reported_not_shifted_into_the_wrong_columns()
    {
        var csv = EmployeeCsv.Read("code,name,cpf\n1001,Souza, Ana,529.982.247-25\n1002,Bruno,111.444.777-35\n");

        Assert.Equal((2, "column 4"), (Assert.Single(csv.Problems).Line, csv.Problems[0].Field));
        Assert.Equal(3, Assert.Single(csv.Lines).Number);
    }

    [Fact]
    public void Reading_stops_one_row_past_the_cap_even_when_every_line_holds_a_stray_quote()
    {
        // Each stray quote opens quoting until the next line's: every row spans two lines and is read again from
        // its second, so without the cap a megabyte of such lines would be re-read tens of thousands of times.
        var text = "code,name,cpf\n" + string.Concat(Enumerable.Range(0, 40_000).Select(i => $"{i},\"x,1\n"));

        var csv = EmployeeCsv.Read(text, maxRows: 1_000);

        Assert.Equal(1_001, csv.Rows);
        Assert.All(csv.Problems, p => Assert.Equal("name", p.Field));
    }

    [Theory]
    [InlineData("code,nome\n1001,Ana\n", "name, cpf")]
    [InlineData("code,name,cpf,CODE\n1,a,b,c\n", "more than once")]
    [InlineData("", "empty")]
    public void A_header_that_cannot_name_the_columns_is_a_problem_and_no_row_is_read(string text, string expected)
    {
        var csv = EmployeeCsv.Read(text);

        Assert.Empty(csv.Lines);
        Assert.Contains(expected, csv.HeaderProblem, StringComparison.Ordinal);
    }
}
