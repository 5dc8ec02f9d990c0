using System.Data.Common;
using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Storage;

/// <summary>
/// SQLite: the whole batch in one prepared statement, its rows as one JSON array expanded by <c>jsonb_each</c>
/// (each row handed over as JSONB, read by fourteen <c>-&gt;&gt;</c> without parsing it again);
/// binding fourteen parameters per row cost more than the insert itself. SQLite's writer is one connection for the
/// life of the journal: the insert is prepared once on it and reused.
/// </summary>
internal sealed class SqliteLedgerInsert : LedgerInsert
{
    private DbConnection? _preparedOn;
    private DbCommand? _insert;

    public override async Task InsertAsync(
        JournalSession session, IList<NewMessage> messages, List<(int Index, PunchDraft Draft)> punches, PunchNumbers[] numbers, CancellationToken ct)
    {
        if (!ReferenceEquals(_preparedOn, session.Connection) || _insert is null)
        {
            _insert?.Dispose();
            _insert = session.Command(
                $"""
                INSERT INTO {session.Table("punch_ledger")} ({Columns})
                SELECT j.value ->> 0, j.value ->> 1, 7, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6,
                       j.value ->> 7, j.value ->> 8, j.value ->> 9, j.value ->> 10, j.value ->> 11, j.value ->> 12
                FROM jsonb_each(CAST(@p0 AS TEXT)) AS j
                """,
                new object?[1]);
            _insert.Prepare();
            _preparedOn = session.Connection;
        }

        _insert.Transaction = session.Transaction;
        _insert.Parameters[0].Value = LedgerRowsJson.Write(messages, punches, numbers);
        await _insert.ExecuteNonQueryAsync(ct);
    }
}
