using Scalar.AspNetCore;

namespace Sluice.Docs;

public static class DocsSetup
{
    public const string DocsPath = "/docs";

    public static IServiceCollection AddSluiceDocs(this IServiceCollection services) => services.AddOpenApi(o =>
    {
        o.AddDocumentTransformer<SecuritySchemesTransformer>();
        o.AddDocumentTransformer<TagsTransformer>();
        o.AddDocumentTransformer<ServersTransformer>();
        o.AddOperationTransformer<OperationSecurityTransformer>();
        o.AddOperationTransformer<ExamplesTransformer>();
    });

    /// <summary>
    /// The OpenAPI document at /openapi/v1.json and a browsable reference at /docs. Both are public: they describe
    /// the API, they open nothing. The reference's script is served from the Scalar package itself and its web
    /// fonts are off, so it renders with no internet access.
    /// </summary>
    public static void MapSluiceDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous().DisableRateLimiting();
        app.MapScalarApiReference(DocsPath, o =>
            {
                o.WithTitle("Sluice API").DisableDefaultFonts().WithOpenApiRoutePattern("/openapi/{documentName}.json");
                // Nothing that calls out to the vendor's services: a gateway's network often has no way out.
                o.ShowDeveloperTools = DeveloperToolsVisibility.Never;
                o.Telemetry = false;
                o.Agent = new ScalarAgentOptions { Disabled = true };
            })
            .AllowAnonymous()
            .DisableRateLimiting();
    }
}
