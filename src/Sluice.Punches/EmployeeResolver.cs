using Sluice.Punches.Registry;

namespace Sluice.Punches;

/// <summary>Finds the employee a punch names, by code, CPF or device PIN, in the in-memory directory.</summary>
internal sealed class EmployeeResolver(EmployeeDirectory directory)
{
    /// <summary>The employee, or the field to blame and why. A miss re-reads the registry first if another node changed it.</summary>
    public async ValueTask<(Employee? Employee, string? Field, string? Reason)> ResolveAsync(PunchRequest request, CancellationToken ct)
    {
        var found = Find(await directory.GetAsync(ct), request);
        if (found.Employee is null)
        {
            found = Find(await directory.RefreshIfStaleAsync(ct), request);
        }

        return found;
    }

    public static (Employee? Employee, string? Field, string? Reason) Find(DirectorySnapshot snapshot, PunchRequest request)
    {
        var (field, candidates) = request switch
        {
            { EmployeeId: { } code } => ("employeeId", snapshot.ByCode(code)),
            { Cpf: { } cpf } => ("cpf", snapshot.ByCpf(BrazilianDocuments.Digits(cpf))),
            _ => ("pin", snapshot.ByPin(request.Pin!)),
        };
        if (request.EstablishmentId is { } establishmentId)
        {
            if (!snapshot.Establishments.ContainsKey(establishmentId))
            {
                return (null, "establishmentId", "No establishment with this id.");
            }

            candidates = candidates.Where(e => e.EstablishmentId == establishmentId).ToList();
        }

        return candidates.Count switch
        {
            0 => (null, field, "No employee is registered with this value."),
            > 1 => (null, "establishmentId", $"The {field} is registered in {candidates.Count} establishments: name the establishment."),
            _ when !candidates[0].Active => (null, field, "The employee is not active."),
            _ => (candidates[0], null, null),
        };
    }
}
