using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sluice.Journal.Relational;

/// <summary>Message metadata is stored as one JSON object column; empty metadata is stored as NULL.</summary>
public static class MetadataJson
{
    private static readonly IReadOnlyDictionary<string, string> Empty = new Dictionary<string, string>();

    public static string? Serialize(IReadOnlyDictionary<string, string>? metadata) =>
        metadata is null || metadata.Count == 0
            ? null
            : JsonSerializer.Serialize(metadata, MetadataJsonContext.Default.IReadOnlyDictionaryStringString);

    public static IReadOnlyDictionary<string, string> Deserialize(string? json) =>
        string.IsNullOrEmpty(json)
            ? Empty
            : JsonSerializer.Deserialize(json, MetadataJsonContext.Default.DictionaryStringString) ?? Empty;
}

[JsonSerializable(typeof(IReadOnlyDictionary<string, string>))]
[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class MetadataJsonContext : JsonSerializerContext;
