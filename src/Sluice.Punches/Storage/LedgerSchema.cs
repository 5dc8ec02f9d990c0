namespace Sluice.Punches.Storage;

/// <summary>
/// The punches' tables, kept in the journal's database so a punch's ledger row commits with its message:
/// the registry (establishments, employees, devices), each establishment's head (last NSR and last punch
/// hash) and the ledger itself, whose rows are never updated or deleted (triggers refuse it) and which the
/// journal's retention never touches. These are the texts both engines share; each engine's steps, in order, are
/// <see cref="SqlitePunchSql"/>'s and <see cref="PostgresPunchSql"/>'s.
/// </summary>
internal static class LedgerSchema
{
    /// <summary>Step 1's tables: <c>{uuid}</c> and <c>{rowid}</c> are filled in per engine (<see cref="SchemaSpelling"/>).</summary>
    public const string Tables =
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

    /// <summary>Step 2: a device's push comm key (salted hash) and the networks it may call from (comma-separated CIDR): see Adms/AdmsGate.</summary>
    public const string DeviceCredentials =
        """
        ALTER TABLE {schema}.punch_devices ADD COLUMN key_hash text;
        ALTER TABLE {schema}.punch_devices ADD COLUMN networks text;
        """;

    /// <summary>
    /// Step 3: the employer (type 2) and event (type 6) records, the place of service, one establishment per document,
    /// and which nodes are serving (for the type 6 events). Type 2 and 6 rows have no employee: <c>employee_id</c> is
    /// the nil UUID and <c>cpf</c> empty, because relaxing those NOT NULLs would mean rebuilding an immutable table on
    /// SQLite. A database holding two establishments with one document stops here, naming the index: merge them first.
    /// </summary>
    public const string LegalRecords =
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
