using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Delivery.Engine;
using Sluice.Journal;
using Sluice.Security;

namespace Sluice.Operations;

public static class DestinationEndpoints
{
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

    internal static Results<NoContent, ProblemHttpResult> Pause(string name, DeliveryEngine engine) => Toggle(name, engine.Pause(name));

    internal static Results<NoContent, ProblemHttpResult> Resume(string name, DeliveryEngine engine) => Toggle(name, engine.Resume(name));

    private static Results<NoContent, ProblemHttpResult> Toggle(string name, bool known) => known
        ? TypedResults.NoContent()
        : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"No destination named '{name}'.");
}
