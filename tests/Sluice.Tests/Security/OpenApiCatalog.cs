using System.Text.Json;
using Sluice.Testing;

namespace Sluice.Tests.Security;

/// <summary>One operation of the OpenAPI document: what a client can discover, and the policy the document names.</summary>
public sealed record DocumentedOperation(
    string Method, string Template, string Policy, IReadOnlyList<(string Name, string In, string Type, string? Format)> Parameters, string? BodyType)
{
    public override string ToString() => $"{Method} {Template}";

    public bool Anonymous => Policy == "anonymous";
}

/// <summary>Reads <c>/openapi/v1.json</c> of a running gateway: the endpoints as clients see them, not a hand-kept list.</summary>
public static class OpenApiCatalog
{
    public static async Task<IReadOnlyList<DocumentedOperation>> ReadAsync(TestGateway gateway)
    {
        using var document = JsonDocument.Parse(await gateway.AnonymousClient.GetStringAsync("/openapi/v1.json"));
        var operations = new List<DocumentedOperation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject().Where(o => o.Name is "get" or "post" or "put" or "delete" or "patch"))
            {
                var policy = operation.Value.TryGetProperty("x-sluice-policy", out var named) ? named.GetString()! : "(none)";
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (
                        p.GetProperty("name").GetString()!,
                        p.GetProperty("in").GetString()!,
                        Type(p),
                        p.TryGetProperty("schema", out var s) && s.TryGetProperty("format", out var f) ? f.GetString() : null)).ToList()
                    : [];
                var body = operation.Value.TryGetProperty("requestBody", out var request)
                    ? request.GetProperty("content").EnumerateObject().Select(c => c.Name).First()
                    : null;
                operations.Add(new DocumentedOperation(operation.Name.ToUpperInvariant(), path.Name, policy, parameters, body));
            }
        }

        return operations;
    }

    /// <summary>The schema's type; a nullable type is an array of names, e.g. <c>["null","integer"]</c>.</summary>
    private static string Type(JsonElement parameter)
    {
        if (!parameter.TryGetProperty("schema", out var schema) || !schema.TryGetProperty("type", out var type))
        {
            return "string";
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).FirstOrDefault(t => t != "null") ?? "string"
            : type.GetString()!;
    }
}
