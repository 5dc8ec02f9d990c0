using Sluice.Punches.Registry;
using Sluice.Punches.Treatment;
using TreatedSource = Sluice.Punches.Treatment.MarkingSource;

namespace Sluice.Punches.Espelho;

/// <summary>
/// The treatment program's view of an employee: the effective markings (punches, included and pre-assigned ones) and
/// the disregarded punches with their reasons, and the contract (admission, role, schedule). The ledger is only read.
/// </summary>
internal sealed class TreatedEspelhoSource(TreatedMarkings treated, TreatmentStore store) : IEspelhoSource
{
    public async Task<IReadOnlyList<Marking>> MarkingsAsync(Employee employee, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var markings = await treated.ForEmployeeAsync(employee.Id, from, to, ct);
        return
        [
            .. markings.Effective.Select(m => new Marking(m.At, Source(m.Source), m.Nsr, Reason: m.Reason)),
            .. markings.Disregarded.Select(m => new Marking(m.At, MarkingSource.Disregarded, m.Nsr, Reason: m.Reason)),
        ];
    }

    public async Task<EmploymentTerms> TermsAsync(Employee employee, CancellationToken ct)
    {
        if (await store.ContractAsync(employee.Id, ct) is not { } contract)
        {
            return EmploymentTerms.Unknown;
        }

        var schedule = await store.ScheduleAsync(contract.ScheduleId, ct);
        return new EmploymentTerms(contract.AdmissionDate, contract.Role, schedule is null ? null : ScheduleText.Describe(schedule));
    }

    private static MarkingSource Source(TreatedSource source) => source switch
    {
        TreatedSource.Included => MarkingSource.Included,
        TreatedSource.PreAssigned => MarkingSource.PreAssigned,
        _ => MarkingSource.Original,
    };
}
