using Sluice.Punches.Registry;

namespace Sluice.Punches.Ledger;

/// <summary>
/// The employer of one establishment as its type 2 records state it over time. A punch's receipt and an AFD show the
/// employer in force when the record was made (the last type 2 before it), never today's registry: renaming an
/// establishment must not rewrite what a worker was given.
/// </summary>
internal sealed class EmployerHistory(IReadOnlyList<LedgerRecord> employerRecords)
{
    /// <summary>
    /// The employer as recorded just before <paramref name="nsr"/>, over the registry's present values; the registry as it
    /// is for an establishment registered before type 2 records were kept (it has none to go by).
    /// </summary>
    public Establishment InForceAt(long nsr, Establishment current)
    {
        LedgerRecord? inForce = null;
        foreach (var record in employerRecords)
        {
            if (record.Nsr >= nsr)
            {
                break;
            }

            inForce = record;
        }

        return inForce is null ? current : current with
        {
            DocumentType = inForce.DocumentType ?? current.DocumentType,
            Document = inForce.Document ?? current.Document,
            CnoCaepf = inForce.CnoCaepf,
            LegalName = inForce.Name ?? current.LegalName,
            Place = inForce.Place,
        };
    }

    /// <summary>Only the records numbered up to <paramref name="nsr"/>: the history as it stood when that record was made.</summary>
    public EmployerHistory Through(long nsr) => new([.. employerRecords.Where(r => r.Nsr <= nsr)]);

    /// <summary>The employer as recorded before <paramref name="instant"/>: what an AFD whose records end there shows in its header.</summary>
    public Establishment InForceBefore(DateTimeOffset instant, Establishment current)
    {
        var nsr = employerRecords.LastOrDefault(r => r.RecordedAt < instant)?.Nsr;
        return nsr is { } last ? InForceAt(last + 1, current) : current;
    }
}
