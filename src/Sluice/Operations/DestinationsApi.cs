using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Delivery.Engine;
using Sluice.Journal;
using Sluice.Security;

namespace Sluice.Operations;

public static class DestinationsApi
{
    public static RouteGroupBuilder MapDestinationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/destinations").WithTags("Destinations");
        api.MapGet("/", ListAsync)
            .WithName("ListDestinations")
            .WithSummary("Backlog, in flight, delivered, retrying and dead per destination, with the live limit and circuit.")
            .RequireSluicePolicy(SluicePolicies.Read);
        api.MapPost("/{name}/pause", (string name, DeliveryEngine engine) => Toggle(name, engine.Pause(name)))
            .WithName("PauseDestination")
            .WithSummary("Stop starting new sends to a destination on this node; sends under way finish.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        api.MapPost("/{name}/resume", (string name, DeliveryEngine engine) => Toggle(name, engine.Resume(name)))
            .WithName("ResumeDestination")
            .WithSummary("Start sending to a paused destination again.")
            .RequireSluicePolicy(SluicePolicies.Manage);
        return api;
    }

    internal static async Task<Ok<IReadOnlyList<DestinationView>>> ListAsync(
        IJournal journal, DeliveryEngine engine, CancellationToken cancellationToken)
    {
        var stats = (await journal.GetStatsAsync(cancellationToken)).ToDictionary(s => s.Destination, StringComparer.OrdinalIgnoreCase);
        var views = new List<DestinationView>();
        foreach (var live in engine.Status())
        {
            stats.Remove(live.Name, out var s);
            views.Add(View(live.Name, live, s));
        }

        // Destinations with stored work but no worker here (removed from configuration) still show, so nothing hides.
        views.AddRange(stats.Values.Select(s => View(s.Destination, null, s)));
        return TypedResults.Ok<IReadOnlyList<DestinationView>>(views);
    }

    private static DestinationView View(string name, DestinationStatus? live, DestinationStats? s) => new(
        name,
        live?.Sink ?? "(not configured)",
        s?.Backlog ?? 0,
        s?.Pending ?? 0,
        s?.InFlight ?? 0,
        s?.Delivered ?? 0,
        s?.Retrying ?? 0,
        s?.Dead ?? 0,
        s?.Discarded ?? 0,
        live?.ConcurrencyLimit ?? 0,
        live?.InFlight ?? 0,
        live?.Circuit ?? "none",
        live?.Paused ?? false,
        live?.HeldUntil,
        live?.ClosedUntil);

    private static Results<NoContent, ProblemHttpResult> Toggle(string name, bool known) => known
        ? TypedResults.NoContent()
        : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No destination named '{name}'.");
}
