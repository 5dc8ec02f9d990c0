using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Registry;
using Sluice.Security;

namespace Sluice.Punches.Ledger;

/// <summary>What auditors ask of the ledger.</summary>
internal static class LedgerEndpoints
{
    internal static async Task<Results<Ok<ChainVerification>, ProblemHttpResult>> VerifyAsync(
        Guid id, ChainVerifier verifier, EmployeeDirectory directory, CancellationToken ct)
    {
        if (!(await directory.RefreshIfStaleAsync(ct)).Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        return TypedResults.Ok(await verifier.VerifyAsync(id, ct));
    }
}
