namespace Sluice.Punches.Storage;

/// <summary>
/// Step 5 of the punches' tables: the by-employee index of punches, kept beside the ledger instead of on it, and allowed
/// to trail the commit. An index on <c>punch_ledger (employee_id, punched_at_ms)</c> put every punch on a random leaf
/// page (employees punch in no order), so each commit wrote one more page per punch: 16 KB of WAL per punch, a third
/// of the punch path's cost (bench/RESULTS.md). Now the commit appends a small row to <c>punch_index_pending</c> (an
/// insert trigger on the ledger, so every writer of punches does it), always at the end of one B-tree, and
/// <see cref="EmployeeIndexer"/> moves those rows into <c>punch_employee_punches</c> in large batches sorted by key.
/// </summary>
/// <remarks>
/// Nothing is lost in a crash: the pending rows commit with their punch, and the move is one transaction. Reads
/// (<see cref="LedgerQueries"/>) look in both tables in one statement, so they see every acknowledged punch whether it
/// has been moved yet or not. The step builds the index for punches already stored and drops the old one.
/// </remarks>
internal static class EmployeeIndex
{
    private const string Tables =
        """
        CREATE TABLE {schema}.punch_employee_punches (
            employee_id {uuid} NOT NULL, punched_at_ms bigint NOT NULL, establishment_id {uuid} NOT NULL, nsr bigint NOT NULL,
            PRIMARY KEY (employee_id, punched_at_ms, establishment_id, nsr)){rowid};
        INSERT INTO {schema}.punch_employee_punches (employee_id, punched_at_ms, establishment_id, nsr)
        SELECT employee_id, punched_at_ms, establishment_id, nsr FROM {schema}.punch_ledger WHERE record_type = 7;
        """;

    public const string Sqlite =
        Tables +
        """
        CREATE TABLE {schema}.punch_index_pending (
            seq INTEGER PRIMARY KEY, employee_id blob NOT NULL, punched_at_ms bigint NOT NULL, establishment_id blob NOT NULL, nsr bigint NOT NULL);
        CREATE TRIGGER {schema}.punch_ledger_pending AFTER INSERT ON punch_ledger WHEN NEW.record_type = 7
        BEGIN
            INSERT INTO punch_index_pending (employee_id, punched_at_ms, establishment_id, nsr)
            VALUES (NEW.employee_id, NEW.punched_at_ms, NEW.establishment_id, NEW.nsr);
        END;
        DROP INDEX {schema}.ix_punch_ledger_employee;
        """;

    public const string Postgres =
        Tables +
        """
        CREATE TABLE {schema}.punch_index_pending (
            seq bigserial PRIMARY KEY, employee_id uuid NOT NULL, punched_at_ms bigint NOT NULL, establishment_id uuid NOT NULL, nsr bigint NOT NULL);
        CREATE FUNCTION {schema}.punch_ledger_pending() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN
            INSERT INTO {schema}.punch_index_pending (employee_id, punched_at_ms, establishment_id, nsr)
            VALUES (NEW.employee_id, NEW.punched_at_ms, NEW.establishment_id, NEW.nsr);
            RETURN NULL;
        END $$;
        CREATE TRIGGER punch_ledger_pending AFTER INSERT ON {schema}.punch_ledger
        FOR EACH ROW WHEN (NEW.record_type = 7) EXECUTE FUNCTION {schema}.punch_ledger_pending();
        DROP INDEX {schema}.ix_punch_ledger_employee;
        """;

    /// <summary>
    /// An employee's punches in a time range, moved or not yet, as a join of their keys to the ledger (its primary key
    /// looks each up; an <c>IN</c> over row values made SQLite scan the whole ledger instead): <c>@p0</c> the employee,
    /// <c>@p1</c> and <c>@p2</c> the bounds in UTC milliseconds with <paramref name="upperBound"/> (<c>&lt;</c> or
    /// <c>&lt;=</c>). Ledger columns are to be named with the alias <c>l</c>.
    /// </summary>
    public static string PunchesOf(Func<string, string> table, string upperBound) =>
        $"""
        (SELECT establishment_id AS key_establishment, nsr AS key_nsr FROM {table("punch_employee_punches")}
         WHERE employee_id = @p0 AND punched_at_ms >= @p1 AND punched_at_ms {upperBound} @p2
         UNION ALL
         SELECT establishment_id, nsr FROM {table("punch_index_pending")}
         WHERE employee_id = @p0 AND punched_at_ms >= @p1 AND punched_at_ms {upperBound} @p2) AS k
        JOIN {table("punch_ledger")} AS l ON l.establishment_id = k.key_establishment AND l.nsr = k.key_nsr
        """;
}
