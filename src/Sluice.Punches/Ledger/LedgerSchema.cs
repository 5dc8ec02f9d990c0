using Sluice.Journal.Modules;

namespace Sluice.Punches.Ledger;

/// <summary>
/// The punches' tables, kept in the journal's database so a punch's ledger row commits with its message:
/// the registry (establishments, employees, devices), each establishment's head (last NSR and last punch
/// hash) and the ledger itself, whose rows are never updated or deleted (triggers refuse it) and which the
/// journal's retention never touches.
/// </summary>
internal static class LedgerSchema
{
    public static IReadOnlyList<string> Migrations(JournalEngine engine) => engine == JournalEngine.Sqlite ? Sqlite : Postgres;

    private const string Tables =
        """
        CREATE TABLE {schema}.punch_establishments (
            id text PRIMARY KEY, document_type integer NOT NULL, document text NOT NULL, cno_caepf text,
            legal_name text NOT NULL, inpi text NOT NULL, time_zone text NOT NULL,
            created_at bigint NOT NULL, updated_at bigint NOT NULL);
        CREATE TABLE {schema}.punch_employees (
            id text PRIMARY KEY, establishment_id text NOT NULL REFERENCES punch_establishments (id), code text NOT NULL,
            name text NOT NULL, cpf text NOT NULL, pin text, web_pin_hash text, active integer NOT NULL,
            created_at bigint NOT NULL, updated_at bigint NOT NULL, UNIQUE (establishment_id, code));
        CREATE TABLE {schema}.punch_devices (
            serial text PRIMARY KEY, establishment_id text NOT NULL REFERENCES punch_establishments (id), time_zone text NOT NULL,
            created_at bigint NOT NULL, updated_at bigint NOT NULL);
        CREATE TABLE {schema}.punch_sequences (establishment_id text PRIMARY KEY, last_nsr bigint NOT NULL, last_hash text);
        CREATE TABLE {schema}.punch_registry (id integer PRIMARY KEY, version bigint NOT NULL);
        INSERT INTO {schema}.punch_registry (id, version) VALUES (1, 0);
        CREATE TABLE {schema}.punch_ledger (
            establishment_id {uuid} NOT NULL, nsr bigint NOT NULL, record_type integer NOT NULL, message_id {uuid},
            employee_id {uuid} NOT NULL, cpf text NOT NULL, name text, operation text,
            punched_at text, punched_at_ms bigint, recorded_at text NOT NULL, recorded_at_ms bigint NOT NULL,
            collector integer, offline integer, hash text, device_id text, responsible_cpf text,
            PRIMARY KEY (establishment_id, nsr)){rowid};
        """;

    // A device's push comm key (salted hash) and the networks it may call from (comma-separated CIDR): see Adms/AdmsGate.
    private const string DeviceCredentials =
        """
        ALTER TABLE {schema}.punch_devices ADD COLUMN key_hash text;
        ALTER TABLE {schema}.punch_devices ADD COLUMN networks text;
        """;

    private static readonly string[] Sqlite =
    [
        // Without a rowid, SQLite keeps ledger rows in the primary key's B-tree itself: one tree less per insert.
        // Id columns are declared blob, but Microsoft.Data.Sqlite binds a Guid as upper-case text and the column keeps
        // what it is given: the ids stored are 36-character text, and every writer must write them that way.
        Tables.Replace("{rowid}", " WITHOUT ROWID", StringComparison.Ordinal).Replace("{uuid}", "blob", StringComparison.Ordinal) +
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
        DeviceCredentials,
        LegalRecords.Replace("{on}", "ON ", StringComparison.Ordinal).Replace("{index}", "{schema}.", StringComparison.Ordinal),
        Treatment.TreatmentSchema.Sqlite.Replace("{on}", "ON ", StringComparison.Ordinal).Replace("{index}", "{schema}.", StringComparison.Ordinal),
        EmployeeIndex.Sqlite.Replace("{rowid}", " WITHOUT ROWID", StringComparison.Ordinal).Replace("{uuid}", "blob", StringComparison.Ordinal),
    ];

    private static readonly string[] Postgres =
    [
        Tables.Replace("{rowid}", "", StringComparison.Ordinal).Replace("{uuid}", "uuid", StringComparison.Ordinal)
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
        DeviceCredentials,
        LegalRecords.Replace("{on}", "ON {schema}.", StringComparison.Ordinal).Replace("{index}", "", StringComparison.Ordinal),
        Treatment.TreatmentSchema.Postgres.Replace("{on}", "ON {schema}.", StringComparison.Ordinal).Replace("{index}", "", StringComparison.Ordinal),
        EmployeeIndex.Postgres.Replace("{rowid}", "", StringComparison.Ordinal).Replace("{uuid}", "uuid", StringComparison.Ordinal),
    ];

    /// <summary>
    /// Step 3: the employer (type 2) and event (type 6) records, the place of service, one establishment per document,
    /// and which nodes are serving (for the type 6 events). Type 2 and 6 rows have no employee: <c>employee_id</c> is
    /// the nil UUID and <c>cpf</c> empty, because relaxing those NOT NULLs would mean rebuilding an immutable table on
    /// SQLite. A database holding two establishments with one document stops here, naming the index: merge them first.
    /// </summary>
    private const string LegalRecords =
        """
        ALTER TABLE {schema}.punch_establishments ADD COLUMN place text;
        ALTER TABLE {schema}.punch_ledger ADD COLUMN document_type integer;
        ALTER TABLE {schema}.punch_ledger ADD COLUMN document text;
        ALTER TABLE {schema}.punch_ledger ADD COLUMN cno_caepf text;
        ALTER TABLE {schema}.punch_ledger ADD COLUMN place text;
        ALTER TABLE {schema}.punch_ledger ADD COLUMN event text;
        CREATE TABLE {schema}.punch_nodes (node_id text PRIMARY KEY, serving integer NOT NULL, changed_at bigint NOT NULL);
        CREATE UNIQUE INDEX {index}ux_punch_establishments_document {on}punch_establishments (document);
        CREATE INDEX {index}ix_punch_ledger_type {on}punch_ledger (establishment_id, record_type, nsr);
        """;
}
