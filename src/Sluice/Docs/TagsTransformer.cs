using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Sluice.Docs;

/// <summary>
/// Gives each tag of the document the description its module declared with <see cref="Microsoft.AspNetCore.Builder.TagDescriptions.WithTag"/>.
/// A tag left without one fails the OpenAPI lint test (Docs/OpenApiLintTests).
/// </summary>
internal sealed class TagsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var declared = context.DescriptionGroups
            .SelectMany(group => group.Items)
            .SelectMany(api => api.ActionDescriptor.EndpointMetadata.OfType<TagDescription>())
            .DistinctBy(tag => tag.Name)
            .ToDictionary(tag => tag.Name, tag => tag.Description, StringComparer.Ordinal);
        foreach (var tag in document.Tags ?? Enumerable.Empty<OpenApiTag>())
        {
            if (tag.Name is { } name && declared.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }

        return Task.CompletedTask;
    }
}
