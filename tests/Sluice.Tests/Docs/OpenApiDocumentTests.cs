using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sluice.Testing;

namespace Sluice.Tests.Docs;

public sealed partial class OpenApiDocumentTests
{
    [Fact]
    public async Task The_document_declares_both_credentials_per_operation_with_examples_and_problem_answers()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        using var response = await gateway.AnonymousClient.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = document.RootElement;

        var schemes = root.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("ApiKey").GetProperty("name").GetString());
        Assert.Equal("bearer", schemes.GetProperty("Bearer").GetProperty("scheme").GetString());

        var record = root.GetProperty("paths").GetProperty("/api/punches").GetProperty("post");
        var security = record.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)).ToList();
        Assert.Equal(["ApiKey", "Bearer"], security.Order());
        Assert.Equal("1001", record.GetProperty("requestBody").GetProperty("content").GetProperty("application/json")
            .GetProperty("example").GetProperty("employeeId").GetString());
        foreach (var status in new[] { "400", "401", "403", "413", "429", "503" })
        {
            Assert.True(record.GetProperty("responses").TryGetProperty(status, out var answer), $"no {status} answer");
            Assert.True(answer.GetProperty("content").TryGetProperty("application/problem+json", out _), $"{status} is not a problem");
        }

        // Management is for bearer tokens only.
        var keys = root.GetProperty("paths").GetProperty("/api/keys").GetProperty("post");
        Assert.Equal(["Bearer"], keys.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name)));
        Assert.Contains("admin", keys.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Docs_are_served_from_the_gateway_itself_with_no_outside_address()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        var page = await gateway.AnonymousClient.GetStringAsync("/docs/");
        var sources = ScriptSource().Matches(page).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(sources);
        Assert.All(sources, src => Assert.DoesNotContain("//", src));
        foreach (var src in sources)
        {
            using var script = await gateway.AnonymousClient.GetAsync("/docs/" + src);
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, src);
        }

        Assert.DoesNotContain("fonts.scalar.com", page);
    }

    [GeneratedRegex("<script[^>]+src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
