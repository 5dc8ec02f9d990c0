namespace Sluice.Punches.Storage;

/// <summary>
/// Step 4 of the punches' tables (<see cref="LedgerSchema"/>): the treatment program's data (Portaria 671, Art. 82–84).
/// None of it touches <c>punch_ledger</c> or an NSR: a treated marking lies on top of the immutable punches, so the AFD
/// and the chain stay exactly as recorded.
/// <list type="bullet">
/// <item><c>punch_schedules</c>: contractual schedules an establishment defines (the AEJ's type 04 records), by code.</item>
/// <item><c>punch_contracts</c>: per employee, admission date, role and the schedule they work.</item>
/// <item><c>punch_treatments</c>: included, disregarded and pre-assigned markings, each with who, when and why. Rows are
/// never updated or deleted (triggers refuse it, as for the ledger), and one ledger punch is disregarded at most once.</item>
/// </list>
/// </summary>
internal static class TreatmentSchema
{
    private const string Tables =
        """
        CREATE TABLE {schema}.punch_schedules (
            id text PRIMARY KEY, establishment_id text NOT NULL, code text NOT NULL, name text NOT NULL,
            daily_minutes integer NOT NULL, pairs text NOT NULL, week_days text NOT NULL,
            created_at bigint NOT NULL, updated_at bigint NOT NULL, responsible_cpf text NOT NULL,
            UNIQUE (establishment_id, code));
        CREATE TABLE {schema}.punch_contracts (
            employee_id text PRIMARY KEY, establishment_id text NOT NULL, admission_date text NOT NULL, role text NOT NULL,
            schedule_id text NOT NULL, updated_at bigint NOT NULL, responsible_cpf text NOT NULL);
        CREATE TABLE {schema}.punch_treatments (
            id text PRIMARY KEY, establishment_id text NOT NULL, employee_id text NOT NULL, kind text NOT NULL,
            punched_at text NOT NULL, punched_at_ms bigint NOT NULL, nsr bigint, reason text NOT NULL,
            responsible_cpf text NOT NULL, created_at bigint NOT NULL);
        CREATE INDEX {index}ix_punch_treatments_employee {on}punch_treatments (employee_id, punched_at_ms);
        CREATE INDEX {index}ix_punch_treatments_establishment {on}punch_treatments (establishment_id, punched_at_ms);
        CREATE UNIQUE INDEX {index}ux_punch_treatments_disregarded {on}punch_treatments (establishment_id, nsr) WHERE nsr IS NOT NULL;
        """;

    public const string Sqlite =
        Tables +
        """
        CREATE TRIGGER {schema}.punch_treatments_no_update BEFORE UPDATE ON punch_treatments
        BEGIN SELECT RAISE(ABORT, 'punch_treatments rows are immutable: record another treatment'); END;
        CREATE TRIGGER {schema}.punch_treatments_no_delete BEFORE DELETE ON punch_treatments
        BEGIN SELECT RAISE(ABORT, 'punch_treatments rows are immutable: record another treatment'); END;
        """;

    public const string Postgres =
        Tables +
        """
        CREATE FUNCTION {schema}.punch_treatments_immutable() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'punch_treatments rows are immutable: record another treatment'; END $$;
        CREATE TRIGGER punch_treatments_immutable BEFORE UPDATE OR DELETE ON {schema}.punch_treatments
        FOR EACH ROW EXECUTE FUNCTION {schema}.punch_treatments_immutable();
        """;
}
