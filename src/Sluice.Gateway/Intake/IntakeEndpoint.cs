using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Sluice.Limits;
using Sluice.Security;

namespace Sluice.Intake;

public static class IntakeEndpoint
{
    /// <summary>
    /// Marks an endpoint that takes data in: its policy (punch intake unless named), the intake body limit, and the
    /// answers that come with them in the OpenAPI document. The fuzz test finds every endpoint marked so.
    /// </summary>
    public static TBuilder AsIntake<TBuilder>(this TBuilder builder, string policy = SluicePolicies.Intake)
        where TBuilder : IEndpointConventionBuilder
    {
        builder.RequireSluicePolicy(policy)
            .WithMetadata(EndpointSecurity.Problem(StatusCodes.Status413PayloadTooLarge), EndpointSecurity.Problem(StatusCodes.Status408RequestTimeout));
        builder.Add(endpoint => endpoint.Metadata.Add(new IntakeBodyLimit(
            endpoint.ApplicationServices.GetRequiredService<IOptions<LimitsOptions>>().Value.IntakeMaxRequestBodyBytes)));
        return builder;
    }

    /// <summary>Routing applies this to the request before the body is read; past it the read fails with 413.</summary>
    private sealed record IntakeBodyLimit(long? MaxRequestBodySize) : IRequestSizeLimitMetadata;
}
