using Sluice.Security;

namespace Sluice.Operations;

/// <summary>Every route under <c>/api/destinations</c>; the handlers are <see cref="DestinationEndpoints"/>.</summary>
public static class DestinationsApi
{
    public static RouteGroupBuilder MapDestinationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/destinations").WithTags("Destinations");
        api.MapGet("/", DestinationEndpoints.ListAsync)
            .WithName("ListDestinations")
            .WithSummary("Backlog, in flight, delivered, retrying and dead per destination, with the live limit and circuit.")
            .RequireSluicePolicy(SluicePolicies.Read);
        api.MapPost("/{name}/pause", DestinationEndpoints.Pause)
            .WithName("PauseDestination")
            .WithSummary("Stop starting new sends to a destination on this node; sends under way finish.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        api.MapPost("/{name}/resume", DestinationEndpoints.Resume)
            .WithName("ResumeDestination")
            .WithSummary("Start sending to a paused destination again.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        return api;
    }
}
