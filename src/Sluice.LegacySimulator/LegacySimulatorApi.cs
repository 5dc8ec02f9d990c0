using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Sluice.LegacySimulator;

/// <summary>
/// The simulator's routes: its counters and controls under <c>/_sim</c>, and every other path as the legacy system;
/// the handlers are <see cref="LegacySimulatorEndpoints"/>.
/// </summary>
public static class LegacySimulatorApi
{
    public static IEndpointRouteBuilder MapLegacySimulator(this IEndpointRouteBuilder app, SimulatedLegacySystem system)
    {
        var sim = app.MapGroup("/_sim");
        sim.MapGet("/stats", () => TypedResults.Ok(system.Stats()));
        sim.MapGet("/config", () => TypedResults.Ok(system.Settings));
        sim.MapPost("/config", (SimulatorConfigChange change) => LegacySimulatorEndpoints.Configure(system, change));
        sim.MapGet("/keys", () => TypedResults.Ok(system.AppliedKeys()));
        sim.MapGet("/requests", (long? after, int? limit) =>
            TypedResults.Ok(system.Requests(after ?? 0, Math.Clamp(limit ?? 1000, 1, 100_000))));
        sim.MapPost("/reset", () => LegacySimulatorEndpoints.Reset(system));
        app.Map("/_sim/status/{code:int:range(200,599)}", (int code, HttpContext context) => LegacySimulatorEndpoints.StatusAsync(system, code, context));

        app.Map("/{**path}", (Delegate)((HttpContext context) => LegacySimulatorEndpoints.HandleAsync(system, context)));
        return app;
    }
}
