using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Storage;

/// <summary>Inserts a commit's punches into <c>punch_ledger</c> in one statement (see <see cref="PunchSql.NewLedgerInsert"/>).</summary>
internal abstract class LedgerInsert
{
    protected const string Columns =
        "establishment_id, nsr, record_type, message_id, employee_id, cpf, punched_at, punched_at_ms, recorded_at, recorded_at_ms, collector, offline, hash, device_id";

    /// <param name="punches">The punches among <paramref name="messages"/>, by index, with the numbers <paramref name="numbers"/> gave them (same order).</param>
    public abstract Task InsertAsync(
        JournalSession session, IList<NewMessage> messages, List<(int Index, PunchDraft Draft)> punches, PunchNumbers[] numbers, CancellationToken ct);
}
