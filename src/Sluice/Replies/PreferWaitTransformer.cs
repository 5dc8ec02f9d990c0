using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sluice.Replies;

/// <summary>Documents the <c>Prefer</c> request header on the intake endpoints that honour <c>wait</c>.</summary>
internal sealed class PreferWaitTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!context.Description.ActionDescriptor.EndpointMetadata.OfType<AcceptsPreferWait>().Any())
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = PreferWait.Header,
            In = ParameterLocation.Header,
            Required = false,
            Description = "RFC 7240, e.g. `wait=5`: the request is stored first, then answered with the legacy system's own answer " +
                "(its status, listed headers and body; 502 problem if it was dead-lettered) if it comes within that many seconds " +
                "(at most Replies:MaxWait), else with the usual 202 receipt. Either way the answer carries `Preference-Applied: wait=N`.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            Example = System.Text.Json.Nodes.JsonValue.Create("wait=5"),
        });
        return Task.CompletedTask;
    }
}
