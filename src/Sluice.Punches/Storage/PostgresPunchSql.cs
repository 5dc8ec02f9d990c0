using System.Globalization;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Storage;

/// <summary>
/// The punches' tables and engine-specific statements on PostgreSQL, where several nodes write at once and each
/// statement is a round trip inside intake's transaction: batches go as arrays, heads are locked.
/// </summary>
internal sealed class PostgresPunchSql() : PunchSql(Ledger, Adms)
{
    private static readonly string[] Ledger =
    [
        SchemaSpelling.Postgres.Fill(LedgerSchema.Tables)
            .Replace("REFERENCES punch_establishments", "REFERENCES {schema}.punch_establishments", StringComparison.Ordinal) +
        """
        CREATE UNIQUE INDEX ux_punch_employees_cpf ON {schema}.punch_employees (establishment_id, cpf);
        CREATE UNIQUE INDEX ux_punch_employees_pin ON {schema}.punch_employees (establishment_id, pin);
        CREATE INDEX ix_punch_employees_code ON {schema}.punch_employees (code);
        CREATE UNIQUE INDEX ux_punch_ledger_message ON {schema}.punch_ledger (message_id);
        CREATE INDEX ix_punch_ledger_employee ON {schema}.punch_ledger (employee_id, punched_at_ms);
        CREATE FUNCTION {schema}.punch_ledger_immutable() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'punch_ledger rows are immutable: write a correction as a new record'; END $$;
        CREATE TRIGGER punch_ledger_immutable BEFORE UPDATE OR DELETE ON {schema}.punch_ledger
        FOR EACH ROW EXECUTE FUNCTION {schema}.punch_ledger_immutable();
        """,
        LedgerSchema.DeviceCredentials,
        SchemaSpelling.Postgres.Fill(LedgerSchema.LegalRecords),
        SchemaSpelling.Postgres.Fill(TreatmentSchema.Postgres),
        SchemaSpelling.Postgres.Fill(EmployeeIndex.Postgres),
    ];

    private static readonly string[] Adms = [SchemaSpelling.Postgres.Fill(AdmsSchema.Tables + AdmsSchema.Indexes)];

    public override LedgerInsert NewLedgerInsert() => PostgresLedgerInsert.Instance;

    /// <summary>
    /// The heads locked (<c>FOR UPDATE</c>, in id order so two nodes never deadlock), so nodes numbering the same
    /// establishment take turns and NSRs stay gap-free.
    /// </summary>
    public override async Task ReadHeadsAsync(JournalSession session, string[] ids, Dictionary<string, LedgerHead> heads, CancellationToken ct)
    {
        await using var select = session.Command(
            $"SELECT establishment_id, last_nsr, last_hash FROM {session.Table("punch_sequences")} WHERE establishment_id = ANY(@p0) ORDER BY establishment_id FOR UPDATE",
            (object)ids);
        await ReadHeadsAsync(select, heads, ct);
    }

    /// <summary>Locks the pending rows it moves (SKIP LOCKED), so two nodes moving at once move different ones.</summary>
    public override async Task<int> MoveToEmployeeIndexAsync(JournalSession session, int chunkSize, CancellationToken ct)
    {
        var pending = session.Table("punch_index_pending");
        await using var move = session.Command(
            $"""
            WITH moved AS (
                DELETE FROM {pending} WHERE seq IN (SELECT seq FROM {pending} ORDER BY seq LIMIT @p0 FOR UPDATE SKIP LOCKED)
                RETURNING employee_id, punched_at_ms, establishment_id, nsr),
            indexed AS (
                INSERT INTO {session.Table("punch_employee_punches")} (employee_id, punched_at_ms, establishment_id, nsr)
                SELECT employee_id, punched_at_ms, establishment_id, nsr FROM moved ORDER BY 1, 2, 3, 4
                ON CONFLICT DO NOTHING)
            SELECT count(*) FROM moved
            """,
            chunkSize);
        return Convert.ToInt32(await move.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    /// <summary>One statement for the batch: on PostgreSQL each statement is a round trip inside intake's transaction.</summary>
    public override async Task InsertAdmsLinesAsync(JournalSession session, List<AdmsPunchLine> lines, CancellationToken ct)
    {
        await using var insert = session.Command(
            $"INSERT INTO {session.Table("adms_punch_lines")} (serial, line_key, punched_at_ms, message_id) SELECT * FROM unnest(@p0, @p1, @p2, @p3) " +
            "ON CONFLICT (serial, line_key) DO NOTHING",
            lines.Select(l => l.Serial).ToArray(), lines.Select(l => l.Key).ToArray(),
            lines.Select(l => l.PunchedAtMs).ToArray(), lines.Select(l => l.MessageId).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }
}
