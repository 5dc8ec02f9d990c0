using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Sluice.Punches.Registry;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Registry;

/// <summary>The employee CSV import over HTTP: every row imported or reported, and its cost kept in bounds.</summary>
public sealed class EmployeeImportTests : LegacyGatewayTest
{
    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Punches:MaxImportRows"] = "5";
        settings["Punches:WebPinHashingConcurrency"] = "1";
    }

    [Fact]
    public async Task A_spreadsheet_file_with_a_BOM_semicolons_and_an_unclosed_quote_imports_every_good_row_and_reports_the_rest()
    {
        var csv = "code;name;cpf;webPin\r\n" +
            "1001;\"Souza; Ana\";529.982.247-25;2468\r\n" +
            "1002;\"Lima, Bruno;111.444.777-35;\r\n" +
            $"1003;Carla Dias;{PunchRegistry.CpfFor("1003")};\r\n" +
            $"1004;Davi Reis;{PunchRegistry.CpfFor("1004")};\r\n";

        using var response = await ImportAsync([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<EmployeeImportResult>())!;
        Assert.Equal(3, result.Created);
        var error = Assert.Single(result.Errors);
        Assert.Equal((3, "name"), (error.Row, error.Field));
        Assert.Equal(["1001", "1003", "1004"], (await EmployeesAsync()).Select(e => e.Code));
        Assert.Equal("Souza; Ana", (await EmployeesAsync())[0].Name);
    }

    [Fact]
    public async Task A_file_with_more_rows_than_allowed_is_refused_whole_and_stores_nothing()
    {
        var csv = "code,name,cpf\n" + string.Concat(Enumerable.Range(1, 6).Select(i => $"{i},Employee {i},{PunchRegistry.CpfFor(i.ToString(System.Globalization.CultureInfo.InvariantCulture))}\n"));

        using var response = await ImportAsync(Encoding.UTF8.GetBytes(csv));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Contains("more than 5 rows", Assert.Single(problem.Errors["rows"]), StringComparison.Ordinal);
        Assert.Empty(await EmployeesAsync());
    }

    [Fact]
    public async Task With_every_PIN_hashing_slot_taken_a_file_with_web_PINs_is_refused_with_503_and_Retry_After_and_stores_nothing()
    {
        var csv = "code,name,cpf,webPin\n1001,Ana,529.982.247-25,2468\n1002,Bruno,111.444.777-35,1357\n";
        var hasher = Gateway.Service<WebPinHasher>();

        using (var slot = hasher.Reserve())
        {
            Assert.True(slot.IsAcquired);
            using var busy = await ImportAsync(Encoding.UTF8.GetBytes(csv));

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            Assert.Equal(WebPinHasher.RetryAfter, busy.Headers.RetryAfter?.Delta);
            Assert.Empty(await EmployeesAsync());

            using var one = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{await Gateway.EstablishmentAsync()}/employees",
                new EmployeeRequest("1009", "Ivo", PunchRegistry.CpfFor("1009"), null, "2468", null));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, one.StatusCode);
            Assert.Empty(await EmployeesAsync());

            // A file without web PINs needs no hashing, so it still goes in.
            using var noPins = await ImportAsync(Encoding.UTF8.GetBytes($"code,name,cpf\n1003,Carla,{PunchRegistry.CpfFor("1003")}\n"));
            Assert.Equal(HttpStatusCode.OK, noPins.StatusCode);
        }

        using var freed = await ImportAsync(Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.OK, freed.StatusCode);
        Assert.Equal(["1001", "1002", "1003"], (await EmployeesAsync()).Select(e => e.Code));
    }

    private async Task<HttpResponseMessage> ImportAsync(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv") { CharSet = "utf-8" };
        return await Gateway.Client.PostAsync($"/api/establishments/{await Gateway.EstablishmentAsync()}/employees/import", content);
    }

    private async Task<EmployeeView[]> EmployeesAsync() =>
        (await Gateway.Client.GetFromJsonAsync<EmployeeView[]>($"/api/establishments/{await Gateway.EstablishmentAsync()}/employees"))!;

    private sealed record Problem(string Title, int Status, Dictionary<string, string[]> Errors);
}
