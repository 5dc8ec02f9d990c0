using System.Globalization;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Sluice.Tests.Deploy;

/// <summary>
/// deploy/compose.yaml against the Compose Specification's own JSON schema (compose-spec.json beside this file:
/// schema/compose-spec.json of the compose-spec/compose-spec repository, Apache-2.0, commit 170098ba07d9), the
/// schema docker compose validates with.
/// </summary>
public sealed class ComposeFileTests
{
    // The file names draft-07 by a spelling of its own (https, no '#'); the validator knows draft-07 by its canonical one.
    private static readonly JsonSchema Schema = JsonSchema.FromText(
        System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Deploy", "compose-spec.json")).Replace(
            "\"https://json-schema.org/draft-07/schema\"", "\"http://json-schema.org/draft-07/schema#\"", StringComparison.Ordinal));

    [Fact]
    public void The_compose_file_is_valid_against_the_compose_specification_schema()
    {
        var result = Validate(ComposeJson(System.IO.File.ReadAllText(Repository.File("deploy", "compose.yaml"))));

        Assert.True(result.IsValid, string.Join("\n", Errors(result)));
    }

    [Fact]
    public void The_schema_check_refuses_a_service_setting_compose_does_not_know()
    {
        // Proves the check can fail: a misspelt key is exactly the mistake it is there to catch.
        var yaml = System.IO.File.ReadAllText(Repository.File("deploy", "compose.yaml"))
            .Replace("stop_grace_period: 45s", "stop_grace_periode: 45s", StringComparison.Ordinal);

        var result = Validate(ComposeJson(yaml));

        Assert.False(result.IsValid);
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

    private static EvaluationResults Validate(JsonNode? document) =>
        Schema.Evaluate(System.Text.Json.JsonSerializer.SerializeToElement(document), new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"));

    /// <summary>
    /// The YAML as the JSON compose validates: merge keys applied, and plain scalars typed the way YAML 1.2's core
    /// schema types them (a quoted "80" stays a string, a plain 80 is a number), since the schema tells them apart.
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

    private static JsonNode? Plain(string value) => value switch
    {
        "" or "~" or "null" or "Null" or "NULL" => null,
        "true" or "True" or "TRUE" => JsonValue.Create(true),
        "false" or "False" or "FALSE" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => JsonValue.Create(whole),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && value.Any(char.IsDigit) => JsonValue.Create(number),
        _ => JsonValue.Create(value),
    };
}
