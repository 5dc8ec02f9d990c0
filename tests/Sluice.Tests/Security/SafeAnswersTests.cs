using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Security;

/// <summary>
/// What Sluice's own answers give away or allow (issue 15, findings 8 and 9): out-of-range dates are a 400, pages
/// cannot be framed, JSON with a repeated name is refused, an auditor never sees device PINs.
/// </summary>
public sealed class SafeAnswersTests : LegacyGatewayTest
{
    [Theory]
    [InlineData("from=0001-01-01&to=9999-12-31")]
    [InlineData("from=0001-01-01")]
    [InlineData("to=9999-12-31")]
    public async Task An_AFD_period_at_the_ends_of_the_calendar_is_a_400_problem(string query)
    {
        var establishment = await Gateway.EstablishmentAsync();

        using var response = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/afd?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/punch")]
    [InlineData("/dashboard")]
    public async Task Pages_cannot_be_framed_and_send_a_content_security_policy(string page)
    {
        using var response = await Gateway.AnonymousClient.GetAsync(page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(SecurityHeaders.PagePolicy, response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task The_API_reference_cannot_be_framed_either()
    {
        using var response = await Gateway.AnonymousClient.GetAsync("/docs");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/ready")]
    [InlineData("/punch")]
    [InlineData("/api/dead-letters")]
    public async Task Answers_do_not_name_the_server_software(string path)
    {
        using var response = await Gateway.AnonymousClient.GetAsync(path);

        Assert.Empty(response.Headers.Server);
    }

    [Fact]
    public async Task The_legacy_systems_answers_pass_with_its_own_headers_only()
    {
        using var response = await Gateway.AnonymousClient.GetAsync("/legacy/page");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Content-Security-Policy"));
        Assert.False(response.Headers.Contains("X-Frame-Options"));
    }

    [Theory]
    [InlineData("/api/punches", """{"employeeId":"1001","employeeId":"1002","punchedAt":"2026-11-22T08:00:03-03:00","collector":"app"}""")]
    [InlineData("/api/orders", """{"clientOrderId":"c1","account":"A","account":"B","symbol":"PETR4","side":"BUY","quantity":1,"price":1}""")]
    [InlineData("/api/keys", """{"name":"a","kind":"app","kind":"device"}""")]
    public async Task JSON_with_a_repeated_name_is_refused_with_a_400_problem_and_nothing_is_stored(string path, string body)
    {
        var stored = await JournalFile.CountMessagesAsync(Gateway.JournalPath);

        using var response = await Gateway.Client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(stored, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Fact]
    public async Task An_auditor_never_sees_device_PINs_while_hr_does()
    {
        await Gateway.RegisterEmployeesAsync("1001");
        var establishment = await Gateway.EstablishmentAsync();
        using var auditor = Gateway.CreateClient(roles: [SluiceRoles.Auditor]);
        using var hr = Gateway.CreateClient(roles: [SluiceRoles.Hr]);

        var seenByAuditor = await auditor.GetFromJsonAsync<JsonElement>($"/api/establishments/{establishment}/employees");
        var seenByHr = await hr.GetFromJsonAsync<JsonElement>($"/api/establishments/{establishment}/employees");
        var id = seenByHr[0].GetProperty("id").GetGuid();
        var oneByAuditor = await auditor.GetFromJsonAsync<JsonElement>($"/api/employees/{id}");

        Assert.Equal(JsonValueKind.Null, seenByAuditor[0].GetProperty("pin").ValueKind);
        Assert.Equal(JsonValueKind.Null, oneByAuditor.GetProperty("pin").ValueKind);
        Assert.Equal(JsonValueKind.String, seenByHr[0].GetProperty("pin").ValueKind);
    }
}
