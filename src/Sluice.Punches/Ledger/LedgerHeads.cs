using Sluice.Journal.Modules;

namespace Sluice.Punches.Ledger;

/// <summary>Where an establishment's ledger stands: its last NSR (any record type) and its last punch's hash.</summary>
internal sealed class LedgerHead(long nsr, string? hash)
{
    public long Nsr { get; set; } = nsr;

    public string? Hash { get; set; } = hash;
}

/// <summary>
/// Reads and writes the heads inside a write transaction. On PostgreSQL the rows are locked
/// (<c>FOR UPDATE</c>, in id order so two nodes never deadlock), so nodes numbering the same establishment take
/// turns and NSRs stay gap-free; on SQLite the journal's single writer already serialises every write.
/// </summary>
internal static class LedgerHeads
{
    public static async Task<Dictionary<string, LedgerHead>> LockAsync(JournalSession session, IEnumerable<string> establishmentIds, CancellationToken ct)
    {
        var ids = establishmentIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var heads = new Dictionary<string, LedgerHead>(ids.Length, StringComparer.Ordinal);
        var table = session.Table("punch_sequences");
        if (session.Engine == JournalEngine.Postgres)
        {
            await using var select = session.Command(
                $"SELECT establishment_id, last_nsr, last_hash FROM {table} WHERE establishment_id = ANY(@p0) ORDER BY establishment_id FOR UPDATE", (object)ids);
            await ReadAsync(select, heads, ct);
        }
        else
        {
            foreach (var id in ids)
            {
                await using var select = session.Command($"SELECT establishment_id, last_nsr, last_hash FROM {table} WHERE establishment_id = @p0", id);
                await ReadAsync(select, heads, ct);
            }
        }

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

    private static async Task ReadAsync(System.Data.Common.DbCommand select, Dictionary<string, LedgerHead> heads, CancellationToken ct)
    {
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            heads[reader.GetString(0)] = new LedgerHead(reader.GetInt64(1), reader.IsDBNull(2) ? null : reader.GetString(2));
        }
    }
}
