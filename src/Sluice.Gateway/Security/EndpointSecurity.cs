using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Sluice.Security;

public static class EndpointSecurity
{
    private static readonly string[] ProblemJson = ["application/problem+json"];

    /// <summary>
    /// Requires one of <see cref="SluicePolicies"/>, and documents the answers that come with it: 401 without
    /// credentials, 403 with the wrong role or kind, 429 past the caller's rate.
    /// </summary>
    public static TBuilder RequireSluicePolicy<TBuilder>(this TBuilder builder, string policy)
        where TBuilder : IEndpointConventionBuilder => builder
        .RequireAuthorization(policy)
        .WithMetadata(Problem(StatusCodes.Status401Unauthorized), Problem(StatusCodes.Status403Forbidden), Problem(StatusCodes.Status429TooManyRequests));

    /// <summary>A documented problem answer (RFC 9457) for the OpenAPI document.</summary>
    public static IProducesResponseTypeMetadata Problem(int status) =>
        new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson);
}
