using Sluice.Journal.Modules;
using Sluice.Punches.Storage;

namespace Sluice.Punches.Ledger;

/// <summary>Where an establishment's ledger stands: its last NSR (any record type) and its last punch's hash.</summary>
internal sealed class LedgerHead(long nsr, string? hash)
{
    public long Nsr { get; set; } = nsr;

    public string? Hash { get; set; } = hash;
}

/// <summary>
/// Reads and writes the heads inside a write transaction. The rows are held until it ends (see
/// <see cref="PunchSql.ReadHeadsAsync(JournalSession, string[], Dictionary{string, LedgerHead}, CancellationToken)"/>),
/// so nodes numbering the same establishment take turns and NSRs stay gap-free.
/// </summary>
internal static class LedgerHeads
{
    public static async Task<Dictionary<string, LedgerHead>> LockAsync(JournalSession session, IEnumerable<string> establishmentIds, CancellationToken ct)
    {
        var ids = establishmentIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var heads = new Dictionary<string, LedgerHead>(ids.Length, StringComparer.Ordinal);
        await PunchSql.For(session.Engine).ReadHeadsAsync(session, ids, heads, ct);
        if (heads.Count != ids.Length)
        {
            // Establishments get their head in the transaction that creates them, so this is a broken database.
            throw new InvalidOperationException(
                $"No ledger head for establishment(s) {string.Join(", ", ids.Where(id => !heads.ContainsKey(id)))}.");
        }

        return heads;
    }

    public static async Task SaveAsync(JournalSession session, IReadOnlyDictionary<string, LedgerHead> heads, CancellationToken ct)
    {
        foreach (var (id, head) in heads)
        {
            await using var update = session.Command(
                $"UPDATE {session.Table("punch_sequences")} SET last_nsr = @p1, last_hash = @p2 WHERE establishment_id = @p0", id, head.Nsr, head.Hash);
            await update.ExecuteNonQueryAsync(ct);
        }
    }
}
