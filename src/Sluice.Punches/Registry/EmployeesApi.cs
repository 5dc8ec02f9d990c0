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
        registry.MapGet("/{id:guid}", EmployeeEndpoints.GetAsync).AsOperation("GetEmployee", SluicePolicies.Read, "An employee in the register: code, name, CPF, establishment and whether active.");
        registry.MapPut("/{id:guid}", EmployeeEndpoints.UpdateAsync)
            .AsOperation("UpdateEmployee", SluicePolicies.Registry, "Change an employee; a new name or CPF, a deactivation or a reactivation is written to the ledger (AFD type 5).");

        employees.MapGet("/{id:guid}/receipts", ReceiptEndpoints.ListReceiptsAsync).WithTags("Receipts")
            .AsOperation("ListEmployeeReceipts", SluicePolicies.Read, "The employee's receipts for punches of the last `hours` (default 48).");

        var exports = employees.MapGroup("").WithTags("Exports");
        exports.MapGet("/{id:guid}/timesheet", ExportEndpoints.GetTimesheetAsync)
            .AsOperation("GetTimesheet", SluicePolicies.Read, "In/out pairs per day in the establishment's zone, worked minutes, days missing a punch; text/csv on Accept.");
        exports.MapGet("/{id:guid}/espelho", EspelhoEndpoints.GetAsync)
            .AsOperation("GetEspelho", SluicePolicies.Read, "The Espelho de Ponto (Art. 84) for `month` (yyyy-MM) or `from`..`to`: markings with their source, durations with the reduced night hour; text/csv or application/pdf on Accept.");

        var treatment = employees.MapGroup("").WithTags("Treatment");
        treatment.MapPut("/{id:guid}/contract", ContractEndpoints.SaveAsync)
            .AsOperation("SaveContract", SluicePolicies.Registry, "Set an employee's admission date, role and contractual schedule.");
        treatment.MapGet("/{id:guid}/contract", ContractEndpoints.GetAsync).AsOperation("GetContract", SluicePolicies.Read, "The employee's admission date, role and contractual schedule.");
        treatment.MapPost("/{id:guid}/treatments", TreatmentEndpoints.CreateAsync)
            .AsOperation("CreateTreatment", SluicePolicies.Registry, "Include a forgotten marking, disregard a punch (by NSR) or pre-assign one, with the reason; the ledger and the AFD never change.");
        treatment.MapGet("/{id:guid}/treatments", TreatmentEndpoints.ListAsync)
            .AsOperation("ListTreatments", SluicePolicies.Read, "The employee's treated markings timed from `from` to `to`, with who made each, when and why.");
        treatment.MapGet("/{id:guid}/markings", TreatmentEndpoints.MarkingsAsync)
            .AsOperation("GetMarkings", SluicePolicies.Read, "The employee's effective markings from `from` to `to` (punches, included and pre-assigned, minus disregarded), each with its source and reason.");
        return app;
    }
}
