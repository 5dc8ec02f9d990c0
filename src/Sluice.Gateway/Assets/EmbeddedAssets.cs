using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Sluice.Assets;

/// <summary>A page's static file (script, style, HTML) served from the resources of the assembly that embeds it.</summary>
internal static class EmbeddedAssets
{
    /// <param name="what">What the assets belong to, for the error when one was not embedded ("dashboard").</param>
    public static FileContentHttpResult File(Assembly assembly, string resource, string contentType, string what)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The {what} asset {resource} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return TypedResults.File(copy.ToArray(), contentType);
    }
}
