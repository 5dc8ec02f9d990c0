using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.AspNetCore.Routing.Template;

namespace Sluice.Facade;

/// <summary>
/// The paths Sluice serves itself. The facade's catch-all is a candidate for every request, so a request to one of
/// these paths with the wrong method or content type would otherwise fall through to the legacy system; a moved
/// route is Sluice's alone, and such a request gets the 405 or 415 it would get without the facade.
/// </summary>
internal sealed class OwnedRoutes(EndpointDataSource endpoints)
{
    private readonly Lazy<IReadOnlyList<Owned>> _owned = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<FacadeEndpointMarker>() is null)
        .Select(e => new Owned(
            new TemplateMatcher(new RouteTemplate(e.RoutePattern), new RouteValueDictionary(e.RoutePattern.Defaults)),
            e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [],
            e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes ?? []))
        .ToArray());

    /// <summary>
    /// Where Sluice's paths start: the first segment of each of its routes, or the first two under <c>/api/</c>
    /// (<c>/api/punches</c>, <c>/punch</c>, <c>/iclock</c>). Everything below one of them is Sluice's, matched or not.
    /// </summary>
    private readonly Lazy<IReadOnlySet<string>> _roots = new(() => endpoints.Endpoints
        .OfType<RouteEndpoint>()
        .Where(e => e.Metadata.GetMetadata<FacadeEndpointMarker>() is null)
        .Select(e => Root(e.RoutePattern))
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase));

    /// <summary>Whether <paramref name="canonicalPath"/> (see <see cref="CanonicalPath"/>) is under one of Sluice's roots.</summary>
    public bool Owns(string canonicalPath) => RootOf(canonicalPath) is { } root && _roots.Value.Contains(root);

    /// <summary>
    /// A path under <c>/api/</c> one typo away from one of Sluice's (<c>/api/punch</c>, <c>/api/order</c>,
    /// <c>/api/key</c>): a client that meant Sluice must not have its credentials and data sent to the legacy system.
    /// </summary>
    public bool IsNearMiss(string canonicalPath)
    {
        if (RootOf(canonicalPath) is not { } root || !root.StartsWith("/api/", StringComparison.Ordinal))
        {
            return false;
        }

        var name = root["/api/".Length..];
        return _roots.Value
            .Where(r => r.StartsWith("/api/", StringComparison.Ordinal))
            .Select(r => r["/api/".Length..])
            .Any(owned => NearMiss.Of(name, owned));
    }

    private static string? RootOf(string canonicalPath)
    {
        var segments = canonicalPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return segments switch
        {
            ["api", var second, ..] => $"/api/{second}",
            [var first, ..] => $"/{first}",
            _ => null,
        };
    }

    private static string? Root(RoutePattern pattern)
    {
        var literals = pattern.PathSegments
            .TakeWhile(s => s.IsSimple && s.Parts[0] is RoutePatternLiteralPart)
            .Select(s => ((RoutePatternLiteralPart)s.Parts[0]).Content.ToLowerInvariant())
            .ToArray();
        return RootOf("/" + string.Join('/', literals));
    }

    /// <summary>The problem answer for a request to an owned path that no owned endpoint took; null when the path is not owned.</summary>
    public IResult? Refusal(HttpRequest request)
    {
        // On every request that reaches the facade: one scratch dictionary for all the matchers, not one each.
        var values = new RouteValueDictionary();
        var matching = _owned.Value.Where(o =>
        {
            values.Clear();
            return o.Matcher.TryMatch(request.Path, values);
        }).ToArray();
        if (matching.Length == 0)
        {
            return null;
        }

        var sameMethod = matching.Where(o => o.Methods.Count == 0 || o.Methods.Contains(request.Method, StringComparer.OrdinalIgnoreCase)).ToArray();
        var accepted = sameMethod.SelectMany(o => o.ContentTypes).Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (accepted.Length > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status415UnsupportedMediaType,
                title: "Unsupported content type.",
                detail: $"This endpoint takes {string.Join(" or ", accepted)}; the request was '{request.ContentType}'.");
        }

        if (sameMethod.Length > 0)
        {
            // The path's shape matched but a route constraint did not, e.g. an id that is not a GUID.
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such resource.");
        }

        var allowed = string.Join(", ", matching.SelectMany(o => o.Methods).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal));
        request.HttpContext.Response.Headers.Allow = allowed;
        return TypedResults.Problem(
            statusCode: StatusCodes.Status405MethodNotAllowed,
            title: "Method not allowed.",
            detail: $"{request.Path} takes {allowed}.");
    }

    private sealed record Owned(TemplateMatcher Matcher, IReadOnlyList<string> Methods, IReadOnlyList<string> ContentTypes);
}

/// <summary>Marks the facade's own catch-all, which <see cref="OwnedRoutes"/> leaves out.</summary>
internal sealed class FacadeEndpointMarker;
