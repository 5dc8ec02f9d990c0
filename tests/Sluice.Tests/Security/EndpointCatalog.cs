using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Security;

/// <summary>One method on one route, as the running app maps it, with sample values for its route parameters.</summary>
public sealed record MappedEndpoint(string Method, string Pattern, string Path, string? Policy, bool Anonymous, string? Problem, string ContentType = "application/json")
{
    public override string ToString() => $"{Method} {Pattern}";

    public HttpRequestMessage Request()
    {
        var request = new HttpRequestMessage(new HttpMethod(Method), Path);
        if (Method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent(ContentType == "application/json" ? "{}" : "", System.Text.Encoding.UTF8, ContentType);
        }

        return request;
    }
}

/// <summary>Every endpoint the app maps, read from its <see cref="EndpointDataSource"/>: whatever anyone adds is listed.</summary>
public static class EndpointCatalog
{
    public static IReadOnlyList<MappedEndpoint> Read(TestGateway gateway) =>
        [.. gateway.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => Describe(m, e)))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal)];

    private static MappedEndpoint Describe(string method, RouteEndpoint endpoint)
    {
        var pattern = endpoint.RoutePattern.RawText ?? "";
        var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
        var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().ToList();
        var policy = policies.Select(p => p.Policy).LastOrDefault(p => p is not null);
        string? problem = null;
        if (!anonymous && policies.Count == 0)
        {
            problem = "has neither an authorization policy nor AllowAnonymous";
        }
        else if (!anonymous && (policy is null || !SluicePolicies.All.Contains(policy)))
        {
            problem = $"must name one of SluicePolicies ({string.Join(", ", SluicePolicies.All)}), not roles or '{policy}'";
        }

        // The body type the endpoint takes: routing answers 415 to any other before authorization runs.
        var contentType = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.ContentTypes is [var first, ..]
            ? first
            : "application/json";
        return new MappedEndpoint(method, pattern, SamplePath(endpoint.RoutePattern), anonymous ? null : policy, anonymous, problem, contentType);
    }

    /// <summary>The route with each parameter filled with a value its constraints accept.</summary>
    private static string SamplePath(RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternSeparatorPart separator => separator.Content,
            RoutePatternParameterPart parameter => Sample(parameter),
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }

    private static string Sample(RoutePatternParameterPart parameter)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (constraints.Contains("guid"))
        {
            return Guid.NewGuid().ToString();
        }

        return constraints.Any(c => c is "int" or "long") ? "1" : "sample";
    }
}
