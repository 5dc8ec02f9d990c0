using System.Globalization;
using Sluice.Journal.Migrations;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Postgres;

/// <summary>
/// The journal's schema steps, tracked in <c>schema_migrations</c>. Each node applies what is missing at start
/// (see <see cref="SchemaMigrator"/>) inside one transaction that first takes an advisory lock, so two nodes
/// starting together apply each step exactly once and the second one waits.
/// </summary>
internal sealed class PostgresSchema(string schema) : IMigrationHistory
{
    /// <summary>Arbitrary, fixed: the advisory lock every node takes to migrate ("sluice" in ASCII).</summary>
    public const long MigrationLock = 0x736c75696365;

    public static readonly MigrationStep[] Steps =
    [
        new("messages, deliveries, idempotency claims",
            """
            CREATE TABLE {schema}.messages (
                seq          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id           uuid        NOT NULL UNIQUE,
                kind         text        NOT NULL,
                received_at  timestamptz NOT NULL,
                content_type text        NOT NULL,
                metadata     jsonb       NULL,
                ordering_key text        NULL,
                payload      bytea       NOT NULL
            );

            -- One row per message and destination; see the SQLite schema for the meaning of each column.
            -- available_at is the due time while pending and the lease expiry while in flight.
            CREATE TABLE {schema}.deliveries (
                message_seq     bigint      NOT NULL,
                destination     text        NOT NULL,
                status          smallint    NOT NULL,
                available_at    timestamptz NOT NULL,
                attempts        integer     NOT NULL DEFAULT 0,
                ordering_key    text        NULL,
                is_head         boolean     NOT NULL DEFAULT true,
                lease_token     uuid        NULL,
                lease_owner     text        NULL,
                last_attempt_at timestamptz NULL,
                completed_at    timestamptz NULL,
                last_error      text        NULL,
                PRIMARY KEY (message_seq, destination)
            );

            -- Partial indexes: only unfinished rows are indexed for leasing, so millions of delivered rows
            -- behind them cost leasing nothing.
            CREATE INDEX ix_deliveries_ready ON {schema}.deliveries (destination, available_at, message_seq)
                WHERE status < 2 AND is_head;
            CREATE INDEX ix_deliveries_key ON {schema}.deliveries (destination, ordering_key, message_seq)
                WHERE status < 2 AND ordering_key IS NOT NULL;
            CREATE INDEX ix_deliveries_dead ON {schema}.deliveries (message_seq) WHERE status = 3;
            CREATE INDEX ix_deliveries_state ON {schema}.deliveries (destination, status);

            -- Claims point at the message by id: they are inserted before the message, so two nodes taking
            -- the same key at once meet on this primary key and exactly one of them stores the request.
            CREATE TABLE {schema}.idempotency (
                scope        text        NOT NULL,
                key          text        NOT NULL,
                request_hash bytea       NOT NULL,
                message_id   uuid        NOT NULL,
                received_at  timestamptz NOT NULL,
                PRIMARY KEY (scope, key)
            );
            CREATE INDEX ix_idempotency_message ON {schema}.idempotency (message_id);

            CREATE TABLE {schema}.probe (id integer PRIMARY KEY, at timestamptz NOT NULL, node text NOT NULL);
            """),
        new("replies: the destination's final answer per delivery",
            """
            -- A table of its own: bodies would bloat the deliveries rows leasing updates (and rewrites) all day.
            CREATE TABLE {schema}.replies (
                message_seq  bigint   NOT NULL,
                destination  text     NOT NULL,
                status       smallint NOT NULL,
                headers      jsonb    NULL,
                content_type text     NULL,
                body         bytea    NOT NULL,
                truncated    boolean  NOT NULL,
                PRIMARY KEY (message_seq, destination)
            );
            """),
    ];

    public string Owner => "the journal schema";

    public async Task<int> VersionAsync(JournalSession session, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            $"""
            CREATE SCHEMA IF NOT EXISTS {schema};
            CREATE TABLE IF NOT EXISTS {schema}.schema_migrations (
                version     integer     PRIMARY KEY,
                description text        NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now(),
                applied_by  text        NOT NULL
            );
            """,
            cancellationToken);
        await using var current = session.Command($"SELECT COALESCE(MAX(version), 0) FROM {schema}.schema_migrations");
        return Convert.ToInt32(await current.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public Task RecordAsync(JournalSession session, int version, string description, CancellationToken cancellationToken) =>
        session.ExecuteAsync($"INSERT INTO {schema}.schema_migrations (version, description, applied_by) VALUES (@p0, @p1, @p2)",
            cancellationToken, version, description, $"{Environment.MachineName}:{Environment.ProcessId}");
}
