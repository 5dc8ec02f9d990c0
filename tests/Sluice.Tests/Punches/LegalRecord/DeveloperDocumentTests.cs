using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Testing;

namespace Sluice.Tests.Punches.LegalRecord;

/// <summary>The AFD header's developer: checked at start, and no AFD without it.</summary>
public sealed class DeveloperDocumentTests : LegacyGatewayTest
{
    [Fact]
    public async Task Without_a_developer_document_the_AFD_is_refused_with_a_problem_naming_the_setting()
    {
        var establishment = await Gateway.EstablishmentAsync();

        using var response = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/afd");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Punches:DeveloperDocument", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }

    [Fact]
    public async Task A_developer_document_with_wrong_check_digits_stops_the_start_with_exit_code_2()
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync("--Punches:DeveloperDocument=45723174000111");

        Assert.Equal(2, exit);
        Assert.Contains("Punches:DeveloperDocument", printed, StringComparison.Ordinal);
    }
}
