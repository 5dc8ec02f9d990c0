using System.Text.Json;
using Sluice.Testing;

namespace Sluice.Tests.Observability;

/// <summary><c>Logging:Format=json</c>: every line the gateway prints is one JSON object a log shipper can read.</summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task With_Logging_Format_json_every_console_line_is_a_json_object()
    {
        await using var legacy = await TestLegacy.StartAsync();
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Journal:Path"] = folder.File("sluice.db");
        settings["Logging:Format"] = "json";
        settings["Logging:LogLevel:Default"] = "Information";
        await using var gateway = await GatewayProcess.StartAsync(settings);

        var lines = await Eventually.UntilAsync(
            () => Task.FromResult(gateway.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)),
            l => l.Any(line => line.Contains("Delivering to the legacy system", StringComparison.Ordinal)),
            because: "the start-up lines are logged");
        Assert.All(lines, line =>
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("Timestamp", out var at), line);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", at.GetString());
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("Message", out _), line);
        });
        var delivering = lines.Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("Message").GetString()!.StartsWith("Delivering to the legacy system", StringComparison.Ordinal));
        Assert.Equal(legacy.BaseAddress.ToString(), delivering.GetProperty("State").GetProperty("BaseUrl").GetString());
    }
}
