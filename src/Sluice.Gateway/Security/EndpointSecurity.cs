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

    /// <summary>
    /// Declares a route as an operation of the API in one call: its operation id, the policy it requires (with the
    /// answers <see cref="RequireSluicePolicy{TBuilder}"/> documents), and what it does when that is said.
    /// </summary>
    public static TBuilder AsOperation<TBuilder>(this TBuilder builder, string name, string policy, string? summary = null)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.WithName(name);
        if (summary is not null)
        {
            builder.WithSummary(summary);
        }

        return builder.RequireSluicePolicy(policy);
    }

    /// <summary>A documented problem answer (RFC 9457) for the OpenAPI document.</summary>
    public static IProducesResponseTypeMetadata Problem(int status) =>
        new ProducesResponseTypeMetadata(status, typeof(ProblemDetails), ProblemJson);
}
