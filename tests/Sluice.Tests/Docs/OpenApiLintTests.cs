using Sluice.Testing;

namespace Sluice.Tests.Docs;

/// <summary>
/// The OpenAPI document as an outside linter reads it: Redocly's CLI with its strict recommended rules (redocly.yaml
/// beside this file says which two are off and why). It once found operations without a summary, legal files without
/// a 200 answer, an example its own schema refused, tags without a description and a server URL ending in a slash.
/// </summary>
public sealed class OpenApiLintTests
{
    [Fact]
    public async Task Redocly_finds_nothing_wrong_in_the_document()
    {
        var redocly = ExternalTool.FromNpm("redocly", "@redocly/cli");
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        using var folder = new TempFolder();
        var document = folder.File("openapi.json");
        await File.WriteAllTextAsync(document, await gateway.AnonymousClient.GetStringAsync("/openapi/v1.json"));

        var environment = new Dictionary<string, string?> { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" };
        var (exit, output) = await ExternalTool.RunAsync(
            redocly, ["lint", document, "--config", Repository.File("tests", "Sluice.Tests", "Docs", "redocly.yaml"), "--format=stylish"], environment: environment);

        Assert.True(exit == 0, $"redocly lint: exit {exit}\n{output}");
    }
}
