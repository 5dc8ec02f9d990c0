using System.Globalization;
using System.Text.Json.Nodes;
using Sluice.Testing;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sluice.Tests.Deploy;

/// <summary>
/// deploy/compose.yaml as docker compose itself reads it: Debian's docker-compose (1.29) validates the file against the
/// Compose Specification schema it ships with, interpolation included, without a Docker engine (<c>config -q</c>).
/// </summary>
public sealed class ComposeFileTests
{
    // The secrets compose.yaml demands (${VAR:?...}); any value will do for a syntax check.
    private static readonly Dictionary<string, string?> Secrets = new()
    {
        ["POSTGRES_PASSWORD"] = "check-only",
        ["RABBITMQ_PASSWORD"] = "check-only",
        ["SLUICE_JWT_SIGNING_KEY"] = "check-only-signing-key-of-32-characters",
    };

    [Fact]
    public async Task Docker_compose_finds_the_compose_file_valid()
    {
        var (exit, output) = await ComposeConfigAsync(Repository.File("deploy", "compose.yaml"));

        Assert.True(exit == 0 && output.Length == 0, output);
    }

    [Fact]
    public async Task Docker_compose_refuses_a_service_setting_it_does_not_know()
    {
        // Proves the check can fail: a misspelt key is exactly the mistake it is there to catch.
        using var folder = new TempFolder();
        var misspelt = folder.File("compose.yaml");
        await System.IO.File.WriteAllTextAsync(misspelt, System.IO.File.ReadAllText(Repository.File("deploy", "compose.yaml"))
            .Replace("stop_grace_period: 45s", "stop_grace_periode: 45s", StringComparison.Ordinal));

        var (exit, output) = await ComposeConfigAsync(misspelt);

        Assert.NotEqual(0, exit);
        Assert.Contains("stop_grace_periode", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_node_runs_after_the_migration_on_a_read_only_root_and_outlasts_its_graceful_stop()
    {
        var services = ComposeJson(System.IO.File.ReadAllText(Repository.File("deploy", "compose.yaml")))!["services"]!.AsObject();
        foreach (var node in new[] { "sluice-1", "sluice-2", "sluice-3" })
        {
            var service = services[node]!;
            Assert.Equal("service_completed_successfully", (string?)service["depends_on"]!["migrate"]!["condition"]);
            Assert.True((bool)service["read_only"]!);
            Assert.Equal("/var/lib/sluice", ((string)service["volumes"]![0]!).Split(':')[1]);
            Assert.True(TimeSpan.FromSeconds(int.Parse(((string)service["stop_grace_period"]!).TrimEnd('s'), CultureInfo.InvariantCulture)) >
                new Sluice.Hosting.ShutdownOptions().Timeout);
        }

        Assert.Equal(["migrate"], services["migrate"]!["command"]!.AsArray().Select(c => (string?)c));
    }

    private static Task<ToolOutput> ComposeConfigAsync(string file) =>
        ExternalTool.RunAsync(ExternalTool.Require("docker-compose", "docker-compose"), ["-f", file, "config", "-q"], environment: Secrets);

    /// <summary>
    /// The YAML as the JSON compose reads: merge keys applied, and plain scalars typed the way YAML 1.2's core
    /// schema types them (a quoted "80" stays a string, a plain 80 is a number), as compose tells them apart.
    /// </summary>
    private static JsonNode? ComposeJson(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return ToJson(stream.Documents[0].RootNode);
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => Mapping(map),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value ?? ""),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}."),
    };

    /// <summary>A mapping with its merge keys (<c>&lt;&lt;: *anchor</c>) applied: its own keys win over merged ones.</summary>
    private static JsonObject Mapping(YamlMappingNode map)
    {
        var json = new JsonObject();
        foreach (var (key, value) in map.Children.Where(c => ((YamlScalarNode)c.Key).Value != "<<"))
        {
            json[((YamlScalarNode)key).Value!] = ToJson(value);
        }

        foreach (var merged in map.Children.Where(c => ((YamlScalarNode)c.Key).Value == "<<").Select(c => c.Value))
        {
            var sources = merged is YamlSequenceNode many ? many.Children.Cast<YamlMappingNode>() : [(YamlMappingNode)merged];
            foreach (var (key, value) in sources.SelectMany(Mapping))
            {
                if (!json.ContainsKey(key))
                {
                    json[key] = value?.DeepClone();
                }
            }
        }

        return json;
    }

    private static JsonValue? Plain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && value.Any(char.IsDigit) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
