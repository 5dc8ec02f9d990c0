using Sluice.Security;

namespace Sluice.Punches.Treatment;

/// <summary>
/// Every route under <c>/api/schedules</c>. Changes to the treatment program are kept like the register (the
/// <c>registry</c> policy, and the caller's CPF as the one responsible); reads like any report.
/// </summary>
internal static class SchedulesApi
{
    public static IEndpointRouteBuilder MapSchedulesApi(this IEndpointRouteBuilder app)
    {
        var schedules = app.MapGroup("/api/schedules").WithTags("Treatment");
        schedules.MapPut("/{id:guid}", ScheduleEndpoints.UpdateAsync)
            .AsOperation("UpdateSchedule", SluicePolicies.Registry, "Replace a contractual schedule's definition.");
        return app;
    }
}
