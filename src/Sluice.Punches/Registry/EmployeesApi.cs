using Sluice.Punches.Espelho;
using Sluice.Punches.Exports;
using Sluice.Punches.Receipts;
using Sluice.Punches.Treatment;
using Sluice.Security;

namespace Sluice.Punches.Registry;

/// <summary>
/// Every route under <c>/api/employees</c>: the employee in the register, their receipts, contract, treated
/// markings, timesheet and Espelho de Ponto.
/// </summary>
internal static class EmployeesApi
{
    public static IEndpointRouteBuilder MapEmployeesApi(this IEndpointRouteBuilder app)
    {
        var employees = app.MapGroup("/api/employees");

        var registry = employees.MapGroup("").WithTags("Registry");
        registry.MapGet("/{id:guid}", EmployeeEndpoints.GetAsync).WithName("GetEmployee").RequireSluicePolicy(SluicePolicies.Read);
        registry.MapPut("/{id:guid}", EmployeeEndpoints.UpdateAsync).WithName("UpdateEmployee")
            .WithSummary("Change an employee; a new name or CPF, a deactivation or a reactivation is written to the ledger (AFD type 5).")
            .RequireSluicePolicy(SluicePolicies.Registry);

        employees.MapGet("/{id:guid}/receipts", ReceiptEndpoints.ListReceiptsAsync).WithTags("Receipts").WithName("ListEmployeeReceipts")
            .WithSummary("The employee's receipts for punches of the last `hours` (default 48).")
            .RequireSluicePolicy(SluicePolicies.Read);

        var exports = employees.MapGroup("").WithTags("Exports");
        exports.MapGet("/{id:guid}/timesheet", ExportEndpoints.GetTimesheetAsync).WithName("GetTimesheet")
            .WithSummary("In/out pairs per day in the establishment's zone, worked minutes, days missing a punch; text/csv on Accept.")
            .RequireSluicePolicy(SluicePolicies.Read);
        exports.MapGet("/{id:guid}/espelho", EspelhoEndpoints.GetAsync).WithName("GetEspelho")
            .WithSummary("The Espelho de Ponto (Art. 84) for `month` (yyyy-MM) or `from`..`to`: markings with their source, durations with the reduced night hour; text/csv or application/pdf on Accept.")
            .RequireSluicePolicy(SluicePolicies.Read);

        var treatment = employees.MapGroup("").WithTags("Treatment");
        treatment.MapPut("/{id:guid}/contract", ContractEndpoints.SaveAsync).WithName("SaveContract")
            .WithSummary("Set an employee's admission date, role and contractual schedule.")
            .RequireSluicePolicy(SluicePolicies.Registry);
        treatment.MapGet("/{id:guid}/contract", ContractEndpoints.GetAsync).WithName("GetContract").RequireSluicePolicy(SluicePolicies.Read);
        treatment.MapPost("/{id:guid}/treatments", TreatmentEndpoints.CreateAsync).WithName("CreateTreatment")
            .WithSummary("Include a forgotten marking, disregard a punch (by NSR) or pre-assign one, with the reason; the ledger and the AFD never change.")
            .RequireSluicePolicy(SluicePolicies.Registry);
        treatment.MapGet("/{id:guid}/treatments", TreatmentEndpoints.ListAsync).WithName("ListTreatments")
            .WithSummary("The employee's treated markings timed from `from` to `to`, with who made each, when and why.")
            .RequireSluicePolicy(SluicePolicies.Read);
        treatment.MapGet("/{id:guid}/markings", TreatmentEndpoints.MarkingsAsync).WithName("GetMarkings")
            .WithSummary("The employee's effective markings from `from` to `to` (punches, included and pre-assigned, minus disregarded), each with its source and reason.")
            .RequireSluicePolicy(SluicePolicies.Read);
        return app;
    }
}
