using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Espelho;

/// <summary>The ledger's punches, every one an original marking; no terms of employment (the registry keeps none).</summary>
internal sealed class LedgerEspelhoSource(LedgerQueries ledger) : IEspelhoSource
{
    public async Task<IReadOnlyList<Marking>> MarkingsAsync(Employee employee, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var punches = await ledger.ForEmployeeAsync(employee.Id, from, to, ct);
        return [.. punches.Select(p => new Marking(p.PunchedAt, MarkingSource.Original, p.Nsr, $"{p.Collector.Name()}:{p.DeviceId}"))];
    }

    public Task<EmploymentTerms> TermsAsync(Employee employee, CancellationToken ct) => Task.FromResult(EmploymentTerms.Unknown);
}
