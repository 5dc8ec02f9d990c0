using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Storage;

/// <summary>PostgreSQL: the whole batch in one statement, one typed array per column through <c>unnest</c>: one round trip.</summary>
internal sealed class PostgresLedgerInsert : LedgerInsert
{
    public static readonly PostgresLedgerInsert Instance = new();

    private PostgresLedgerInsert()
    {
    }

    public override async Task InsertAsync(
        JournalSession session, IList<NewMessage> messages, List<(int Index, PunchDraft Draft)> punches, PunchNumbers[] numbers, CancellationToken ct)
    {
        var drafts = punches.Select(p => p.Draft).ToList();
        await using var insert = session.Command(
            $"""
            INSERT INTO {session.Table("punch_ledger")} ({Columns})
            SELECT e, n, 7, m, w, c, pa, pm, ra, rm, k, o, h, d
            FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12) AS u(e, n, m, w, c, pa, pm, ra, rm, k, o, h, d)
            """,
            drafts.Select(d => d.EstablishmentId).ToArray(),
            numbers.Select(n => n.Nsr).ToArray(),
            punches.Select(p => messages[p.Index].Id).ToArray(),
            drafts.Select(d => d.EmployeeId).ToArray(),
            drafts.Select(d => d.Cpf).ToArray(),
            drafts.Select(d => LedgerTimes.Format(d.PunchedAt)).ToArray(),
            drafts.Select(d => LedgerTimes.Ms(d.PunchedAt)).ToArray(),
            drafts.Select(d => LedgerTimes.Format(d.RecordedAt)).ToArray(),
            drafts.Select(d => LedgerTimes.Ms(d.RecordedAt)).ToArray(),
            drafts.Select(d => (int)d.Collector).ToArray(),
            drafts.Select(d => d.Offline ? 1 : 0).ToArray(),
            numbers.Select(n => n.Hash).ToArray(),
            drafts.Select(d => d.DeviceId).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }
}
