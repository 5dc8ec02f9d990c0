using System.Runtime.CompilerServices;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Ledger;

/// <summary>
/// The punches' answer to <c>sluice verify</c>: the ledger of one establishment, or of every registered one in id
/// order, checked by <see cref="ChainVerifier"/> (NSRs without gaps, each punch's hash chained to the one before).
/// </summary>
public sealed class LedgerAudit
{
    private readonly EmployeeDirectory _directory;
    private readonly ChainVerifier _verifier;

    internal LedgerAudit(EmployeeDirectory directory, ChainVerifier verifier)
    {
        _directory = directory;
        _verifier = verifier;
    }

    /// <summary>One verification per establishment, as each is checked.</summary>
    public async IAsyncEnumerable<ChainVerification> VerifyAsync(Guid? establishmentId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var ids = establishmentId is { } only
            ? [only]
            : (await _directory.ReloadAsync(cancellationToken)).Establishments.Keys.Order().ToList();
        foreach (var id in ids)
        {
            yield return await _verifier.VerifyAsync(id, cancellationToken);
        }
    }
}
