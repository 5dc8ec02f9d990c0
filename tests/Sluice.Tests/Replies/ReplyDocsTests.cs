using System.Text.Json;
using Sluice.Testing;

namespace Sluice.Tests.Replies;

public sealed class ReplyDocsTests
{
    [Fact]
    public async Task OpenApi_documents_the_reply_endpoints_and_the_Prefer_header()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        using var document = JsonDocument.Parse(await gateway.AnonymousClient.GetStringAsync("/openapi/v1.json"));
        var paths = document.RootElement.GetProperty("paths");

        foreach (var path in new[] { "/api/requests/{id}/reply", "/api/punches/{id}/reply", "/api/orders/{id}/reply" })
        {
            var responses = paths.GetProperty(path).GetProperty("get").GetProperty("responses");
            foreach (var status in new[] { "200", "202", "404", "502" })
            {
                Assert.True(responses.TryGetProperty(status, out _), $"{path} documents no {status}");
            }
        }

        foreach (var path in new[] { "/api/punches", "/api/orders" })
        {
            var parameters = paths.GetProperty(path).GetProperty("post").GetProperty("parameters").EnumerateArray();
            var prefer = Assert.Single(parameters, p => p.GetProperty("name").GetString() == "Prefer");
            Assert.Equal("header", prefer.GetProperty("in").GetString());
            Assert.Contains("wait", prefer.GetProperty("description").GetString());
        }
    }
}
