using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sluice.Docs;

/// <summary>Example bodies, by operation id, so the document shows what a good request and its answer look like.</summary>
internal sealed class ExamplesTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, (string? Request, Dictionary<string, string> Responses)> Examples = new()
    {
        ["RecordPunch"] = (
            """{"employeeId":"1001","punchedAt":"2026-11-22T08:00:03-03:00","deviceId":"APP-7"}""",
            new()
            {
                ["202"] = """{"id":"019a0f6e-3c1d-7b2e-9a41-5f0c2d7e8b10","receivedAt":"2026-11-22T11:00:03.412+00:00","status":"stored"}""",
                ["400"] = """{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1","title":"The punch is not valid; nothing was stored.","status":400,"errors":{"punchedAt":["Use ISO 8601 with a UTC offset, e.g. 2026-11-22T08:00:03-03:00."]}}""",
                ["429"] = """{"type":"https://tools.ietf.org/html/rfc6585#section-4","title":"Too many requests from this caller; nothing was stored.","status":429,"detail":"Try again in 1 s."}""",
            }),
        ["CreateApiKey"] = (
            """{"name":"Clock at the north gate","kind":"device","establishmentId":"store-12"}""",
            new()
            {
                ["201"] = """{"id":"019a0f6e-3c1d-7b2e-9a41-5f0c2d7e8b11","name":"Clock at the north gate","kind":"device","establishmentId":"store-12","createdAt":"2026-11-22T11:00:00+00:00","key":"sk_…shown once…"}""",
            }),
        ["ReplayDeadLetters"] = ("""{"destination":"legacy"}""", new() { ["200"] = """{"replayed":42}""" }),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (operation.OperationId is null || !Examples.TryGetValue(operation.OperationId, out var example))
        {
            return Task.CompletedTask;
        }

        if (example.Request is not null && operation.RequestBody?.Content is { } content)
        {
            foreach (var media in content.Values)
            {
                media.Example = JsonNode.Parse(example.Request);
            }
        }

        foreach (var (status, body) in example.Responses)
        {
            if (operation.Responses?.TryGetValue(status, out var response) == true && response.Content is { } responseContent)
            {
                foreach (var media in responseContent.Values)
                {
                    media.Example = JsonNode.Parse(body);
                }
            }
        }

        return Task.CompletedTask;
    }
}
