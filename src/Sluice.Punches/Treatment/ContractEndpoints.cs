using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Treatment;

/// <summary>An employee's contract as the treatment program needs it: admission date, role, contractual schedule.</summary>
internal static class ContractEndpoints
{
    public static async Task<Results<Ok<ContractView>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        Guid id, ContractRequest? request, TreatmentStore store, EmployeeDirectory directory,
        [AsParameters] TreatmentAuthor author, CancellationToken ct)
    {
        var errors = TreatmentValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The contract is not valid; nothing was stored.");
        }

        if (!(await directory.RefreshIfStaleAsync(ct)).Employees.TryGetValue(id, out var employee))
        {
            return Problems.NotFound("No employee with this id.");
        }

        if (!author.Caller.MayActFor(employee.EstablishmentId.ToString()))
        {
            return Problems.OutOfScope(author.Caller);
        }

        var schedule = (await store.SchedulesAsync(employee.EstablishmentId, ct)).FirstOrDefault(s => s.Code == request!.ScheduleCode!.Trim());
        if (schedule is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["scheduleCode"] = ["The establishment has no schedule with this code: define it first."] },
                title: "The contract is not valid; nothing was stored.");
        }

        if (author.Cpf is not { } responsible)
        {
            return author.Missing();
        }

        var contract = new Contract(id, employee.EstablishmentId, TreatmentValidator.Date(request!.AdmissionDate)!.Value, request.Role!.Trim(), schedule.Id,
            author.Time.GetUtcNow(), responsible);
        await store.SaveContractAsync(contract, ct);
        return TypedResults.Ok(View(contract, schedule));
    }

    public static async Task<Results<Ok<ContractView>, ProblemHttpResult>> GetAsync(Guid id, TreatmentStore store, CancellationToken ct)
    {
        if (await store.ContractAsync(id, ct) is not { } contract)
        {
            return Problems.NotFound("No contract is recorded for this employee.");
        }

        var schedule = await store.ScheduleAsync(contract.ScheduleId, ct);
        return TypedResults.Ok(View(contract, schedule!));
    }

    private static ContractView View(Contract contract, Schedule schedule) =>
        new(contract.EmployeeId, contract.AdmissionDate, contract.Role, schedule.Id, schedule.Code, contract.UpdatedAt, contract.ResponsibleCpf);
}
