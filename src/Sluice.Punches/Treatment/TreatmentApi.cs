using Sluice.Security;

namespace Sluice.Punches.Treatment;

/// <summary>
/// The treatment program (Portaria 671, Art. 82–84): contractual schedules, employees' contracts and treated markings.
/// Changes are kept like the register (the <c>registry</c> policy, and the caller's CPF as the one responsible); reads
/// like any report.
/// </summary>
internal static class TreatmentApi
{
    public static IEndpointRouteBuilder MapTreatmentApi(this IEndpointRouteBuilder app)
    {
        var establishments = app.MapGroup("/api/establishments").WithTags("Treatment");
        establishments.MapPost("/{id:guid}/schedules", ScheduleEndpoints.CreateAsync).WithName("CreateSchedule")
            .WithSummary("Define a contractual schedule (code, daily minutes, entry/exit pairs, days worked) for the establishment's employees to reference.")
            .RequireSluicePolicy(SluicePolicies.Registry);
        establishments.MapGet("/{id:guid}/schedules", ScheduleEndpoints.ListAsync).WithName("ListSchedules").RequireSluicePolicy(SluicePolicies.Read);

        var schedules = app.MapGroup("/api/schedules").WithTags("Treatment");
        schedules.MapPut("/{id:guid}", ScheduleEndpoints.UpdateAsync).WithName("UpdateSchedule")
            .WithSummary("Replace a contractual schedule's definition.")
            .RequireSluicePolicy(SluicePolicies.Registry);

        var employees = app.MapGroup("/api/employees").WithTags("Treatment");
        employees.MapPut("/{id:guid}/contract", ContractEndpoints.SaveAsync).WithName("SaveContract")
            .WithSummary("Set an employee's admission date, role and contractual schedule.")
            .RequireSluicePolicy(SluicePolicies.Registry);
        employees.MapGet("/{id:guid}/contract", ContractEndpoints.GetAsync).WithName("GetContract").RequireSluicePolicy(SluicePolicies.Read);
        employees.MapPost("/{id:guid}/treatments", TreatmentEndpoints.CreateAsync).WithName("CreateTreatment")
            .WithSummary("Include a forgotten marking, disregard a punch (by NSR) or pre-assign one, with the reason; the ledger and the AFD never change.")
            .RequireSluicePolicy(SluicePolicies.Registry);
        employees.MapGet("/{id:guid}/treatments", TreatmentEndpoints.ListAsync).WithName("ListTreatments")
            .WithSummary("The employee's treated markings timed from `from` to `to`, with who made each, when and why.")
            .RequireSluicePolicy(SluicePolicies.Read);
        employees.MapGet("/{id:guid}/markings", TreatmentEndpoints.MarkingsAsync).WithName("GetMarkings")
            .WithSummary("The employee's effective markings from `from` to `to` (punches, included and pre-assigned, minus disregarded), each with its source and reason.")
            .RequireSluicePolicy(SluicePolicies.Read);
        return app;
    }
}
