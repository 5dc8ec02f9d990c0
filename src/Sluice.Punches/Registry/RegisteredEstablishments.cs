using Sluice.Security;

namespace Sluice.Punches.Registry;

/// <summary>Answers from the registry, read again when it may be stale: an establishment made on another node a moment ago counts.</summary>
internal sealed class RegisteredEstablishments(EmployeeDirectory directory) : IEstablishments
{
    public async ValueTask<bool> ExistsAsync(Guid id, CancellationToken cancellationToken) =>
        (await directory.GetAsync(cancellationToken)).Establishments.ContainsKey(id)
        || (await directory.RefreshIfStaleAsync(cancellationToken)).Establishments.ContainsKey(id);
}
