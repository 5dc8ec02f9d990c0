using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sluice.Security;

namespace Sluice.Docs;

/// <summary>
/// States on each operation which credentials it takes, from the policy the endpoint requires and the policy table,
/// and names the policy in <c>x-sluice-policy</c> (<c>anonymous</c> for endpoints with credentials of their own or none),
/// so a client or a test can read who may call what from the document alone.
/// </summary>
internal sealed class OperationSecurityTransformer : IOpenApiOperationTransformer
{
    public const string PolicyExtension = "x-sluice-policy";
    public const string Anonymous = "anonymous";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Extensions[PolicyExtension] = new JsonNodeExtension(JsonValue.Create(Anonymous));
            return Task.CompletedTask;
        }

        var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        if (policy is null || PolicyTable.Rows.FirstOrDefault(r => r.Policy == policy) is not { } row)
        {
            return Task.CompletedTask;
        }

        operation.Extensions[PolicyExtension] = new JsonNodeExtension(JsonValue.Create(policy));
        operation.Security ??= [];
        operation.Security.Add(Requirement(SecuritySchemesTransformer.Bearer, context.Document));
        if (row.KeyKinds.Count > 0)
        {
            operation.Security.Add(Requirement(SecuritySchemesTransformer.ApiKey, context.Document));
        }

        var who = string.Join(" or ", new[]
        {
            row.KeyKinds.Count > 0 ? $"an API key of the kind {string.Join(" or ", row.KeyKinds)}" : null,
            $"a person with the role {string.Join(" or ", row.Roles)}",
        }.OfType<string>());
        operation.Description = $"{operation.Description}\n\nPolicy `{policy}`: {who}.".TrimStart();
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) => new()
    {
        [new OpenApiSecuritySchemeReference(scheme, document)] = [],
    };
}
