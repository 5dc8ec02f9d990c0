using Sluice.Intake;
using Sluice.Punches;

namespace Sluice.Bench.Noop;

/// <summary>
/// The benchmark's yardstick: the same request as a punch, parsed and answered, but not stored.
/// It passes the same authentication, limits and policy as intake, so the difference is the journal alone.
/// Mapped only by the bench's <c>serve</c> command: the shipped gateway has no such endpoint.
/// </summary>
internal static class BenchmarkBaseline
{
    public static void MapBenchmarkBaseline(this IEndpointRouteBuilder app) =>
        app.MapPost("/_bench/noop", (PunchRequest request, TimeProvider time) =>
                TypedResults.Accepted("/_bench/noop", new PunchReceipt(Guid.CreateVersion7(), time.GetUtcNow(), "stored")))
            .AsIntake()
            .ExcludeFromDescription();
}
