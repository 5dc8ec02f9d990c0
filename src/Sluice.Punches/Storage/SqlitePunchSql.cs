using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Storage;

/// <summary>The punches' tables and engine-specific statements on SQLite, whose single writer already serialises every write.</summary>
internal sealed class SqlitePunchSql() : PunchSql(Ledger, Adms)
{
    private static readonly string[] Ledger =
    [
        // Without a rowid, SQLite keeps ledger rows in the primary key's B-tree itself: one tree less per insert.
        // Id columns are declared blob, but Microsoft.Data.Sqlite binds a Guid as upper-case text and the column keeps
        // what it is given: the ids stored are 36-character text, and every writer must write them that way.
        SchemaSpelling.Sqlite.Fill(LedgerSchema.Tables) +
        """
        CREATE UNIQUE INDEX {schema}.ux_punch_employees_cpf ON punch_employees (establishment_id, cpf);
        CREATE UNIQUE INDEX {schema}.ux_punch_employees_pin ON punch_employees (establishment_id, pin);
        CREATE INDEX {schema}.ix_punch_employees_code ON punch_employees (code);
        CREATE UNIQUE INDEX {schema}.ux_punch_ledger_message ON punch_ledger (message_id);
        CREATE INDEX {schema}.ix_punch_ledger_employee ON punch_ledger (employee_id, punched_at_ms);
        CREATE TRIGGER {schema}.punch_ledger_no_update BEFORE UPDATE ON punch_ledger
        BEGIN SELECT RAISE(ABORT, 'punch_ledger rows are immutable: write a correction as a new record'); END;
        CREATE TRIGGER {schema}.punch_ledger_no_delete BEFORE DELETE ON punch_ledger
        BEGIN SELECT RAISE(ABORT, 'punch_ledger rows are immutable: write a correction as a new record'); END;
        """,
        LedgerSchema.DeviceCredentials,
        SchemaSpelling.Sqlite.Fill(LedgerSchema.LegalRecords),
        SchemaSpelling.Sqlite.Fill(TreatmentSchema.Sqlite),
        SchemaSpelling.Sqlite.Fill(EmployeeIndex.Sqlite),
    ];

    private static readonly string[] Adms = [SchemaSpelling.Sqlite.Fill(AdmsSchema.Tables + AdmsSchema.Indexes)];

    public override LedgerInsert NewLedgerInsert() => new SqliteLedgerInsert();

    /// <summary>One indexed read per establishment; nothing to lock, the single writer holds the database.</summary>
    public override async Task ReadHeadsAsync(JournalSession session, string[] ids, Dictionary<string, LedgerHead> heads, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            await using var select = session.Command(
                $"SELECT establishment_id, last_nsr, last_hash FROM {session.Table("punch_sequences")} WHERE establishment_id = @p0", id);
            await ReadHeadsAsync(select, heads, ct);
        }
    }

    public override async Task<int> MoveToEmployeeIndexAsync(JournalSession session, int chunkSize, CancellationToken ct)
    {
        var pending = session.Table("punch_index_pending");
        await using var last = session.Command($"SELECT MAX(seq) FROM (SELECT seq FROM {pending} ORDER BY seq LIMIT @p0)", chunkSize);
        if (await last.ExecuteScalarAsync(ct) is not long upTo)
        {
            return 0;
        }

        await using var insert = session.Command(
            $"""
            INSERT OR IGNORE INTO {session.Table("punch_employee_punches")} (employee_id, punched_at_ms, establishment_id, nsr)
            SELECT employee_id, punched_at_ms, establishment_id, nsr FROM {pending} WHERE seq <= @p0 ORDER BY 1, 2, 3, 4
            """,
            upTo);
        await insert.ExecuteNonQueryAsync(ct);
        await using var delete = session.Command($"DELETE FROM {pending} WHERE seq <= @p0", upTo);
        return await delete.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One statement per line: on SQLite a statement is a function call, not a round trip.</summary>
    public override async Task InsertAdmsLinesAsync(JournalSession session, List<AdmsPunchLine> lines, CancellationToken ct)
    {
        var table = session.Table("adms_punch_lines");
        foreach (var line in lines)
        {
            await using var insert = session.Command(
                $"INSERT INTO {table} (serial, line_key, punched_at_ms, message_id) VALUES (@p0, @p1, @p2, @p3) ON CONFLICT (serial, line_key) DO NOTHING",
                line.Serial, line.Key, line.PunchedAtMs, line.MessageId);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }
}
