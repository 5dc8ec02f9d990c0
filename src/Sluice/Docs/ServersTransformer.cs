using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sluice.Docs;

/// <summary>
/// The server is the address the document was asked at, which ASP.NET Core writes with a trailing slash; without it,
/// a client joining "{url}" and "/api/…" gets one path, not "//api/…".
/// </summary>
internal sealed class ServersTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var server in document.Servers ?? Enumerable.Empty<OpenApiServer>())
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        return Task.CompletedTask;
    }
}
