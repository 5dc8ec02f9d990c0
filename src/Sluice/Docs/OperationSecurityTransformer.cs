using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sluice.Security;

namespace Sluice.Docs;

/// <summary>States on each operation which credentials it takes, from the policy the endpoint requires.</summary>
internal sealed class OperationSecurityTransformer : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, string> Audience = new()
    {
        [SluicePolicies.Intake] = "a device or app API key, or a person with the role admin or hr",
        [SluicePolicies.Read] = "a person with the role hr, auditor or admin",
        [SluicePolicies.Manage] = "a person with the role admin",
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return Task.CompletedTask;
        }

        var policy = metadata.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        if (policy is null || !Audience.TryGetValue(policy, out var who))
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(Requirement(SecuritySchemesTransformer.Bearer, context.Document));
        if (policy == SluicePolicies.Intake)
        {
            operation.Security.Add(Requirement(SecuritySchemesTransformer.ApiKey, context.Document));
        }

        operation.Description = $"{operation.Description}\n\nPolicy `{policy}`: {who}.".TrimStart();
        return Task.CompletedTask;
    }

    private static OpenApiSecurityRequirement Requirement(string scheme, OpenApiDocument? document) => new()
    {
        [new OpenApiSecuritySchemeReference(scheme, document)] = [],
    };
}
