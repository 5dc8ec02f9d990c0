using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Sluice.Security;

namespace Sluice.Docs;

/// <summary>Declares how callers authenticate: <c>X-Api-Key</c> for devices and apps, a bearer JWT for people.</summary>
internal sealed class SecuritySchemesTransformer : IOpenApiDocumentTransformer
{
    public const string ApiKey = "ApiKey";
    public const string Bearer = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Sluice";
        document.Info.Description =
            "A store-first gateway: every request is stored durably before it is answered, then delivered to the legacy " +
            "system at the pace it can bear. Errors are RFC 9457 problem details. Devices and apps authenticate with " +
            $"`{ApiKeySecret.Header}`; people with a bearer JWT carrying the roles admin, hr or auditor.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeySecret.Header,
            Description = "An API key for a device or app (kind device or app), created by an admin with POST /api/keys.",
        };
        document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = $"A JWT for a person with the role {string.Join(", ", SluiceRoles.All)} (claim per Security:Jwt:RoleClaim).",
        };
        return Task.CompletedTask;
    }
}
