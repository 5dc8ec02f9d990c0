using Sluice.Security;

namespace Sluice.Operations;

/// <summary>Every route under <c>/api/destinations</c>; the handlers are <see cref="DestinationEndpoints"/>.</summary>
public static class DestinationsApi
{
    public static RouteGroupBuilder MapDestinationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/destinations").WithTag("Destinations", "Each destination's backlog, live limit and circuit; pausing and resuming sends.");
        api.MapGet("/", DestinationEndpoints.ListAsync)
            .AsOperation("ListDestinations", SluicePolicies.Read, "Backlog, in flight, delivered, retrying and dead per destination, with the live limit and circuit.");
        api.MapPost("/{name}/pause", DestinationEndpoints.Pause)
            .AsOperation("PauseDestination", SluicePolicies.Manage, "Stop starting new sends to a destination on this node; sends under way finish.");
        api.MapPost("/{name}/resume", DestinationEndpoints.Resume)
            .AsOperation("ResumeDestination", SluicePolicies.Manage, "Start sending to a paused destination again.");
        return api;
    }
}
