using System.Globalization;
using Sluice.Journal.Migrations;
using Sluice.Journal.Modules;

namespace Sluice.Journal.Sqlite;

/// <summary>The journal's schema steps, tracked in <c>PRAGMA user_version</c> (see <see cref="SchemaMigrator"/>).</summary>
internal sealed class SqliteSchema : IMigrationHistory
{
    public static readonly MigrationStep[] Steps =
    [
        new("messages, deliveries, idempotency claims",
        """
        CREATE TABLE messages (
            seq          INTEGER PRIMARY KEY,
            id           BLOB    NOT NULL UNIQUE,
            kind         TEXT    NOT NULL,
            received_at  INTEGER NOT NULL,
            content_type TEXT    NOT NULL,
            metadata     TEXT    NULL,
            ordering_key TEXT    NULL,
            payload      BLOB    NOT NULL
        );

        -- One row per message and destination. available_at is when the row may next be leased:
        -- the due time while pending, the lease expiry while in flight. is_head marks the one unfinished
        -- row per ordering key that may be sent (always 1 without a key); it moves to the next row when
        -- the head finishes, so leasing never has to skip over rows waiting behind their key.
        CREATE TABLE deliveries (
            message_seq     INTEGER NOT NULL,
            destination     TEXT    NOT NULL,
            status          INTEGER NOT NULL,
            available_at    INTEGER NOT NULL,
            attempts        INTEGER NOT NULL DEFAULT 0,
            ordering_key    TEXT    NULL,
            is_head         INTEGER NOT NULL DEFAULT 1,
            lease_token     BLOB    NULL,
            lease_owner     TEXT    NULL,
            last_attempt_at INTEGER NULL,
            completed_at    INTEGER NULL,
            last_error      TEXT    NULL,
            PRIMARY KEY (message_seq, destination)
        ) WITHOUT ROWID;

        -- Only unfinished rows are indexed for leasing, so millions of delivered rows cost it nothing.
        CREATE INDEX ix_deliveries_ready ON deliveries (destination, available_at, message_seq) WHERE status < 2 AND is_head = 1;
        CREATE INDEX ix_deliveries_key ON deliveries (destination, ordering_key, message_seq)
            WHERE status < 2 AND ordering_key IS NOT NULL;
        CREATE INDEX ix_deliveries_dead ON deliveries (message_seq) WHERE status = 3;
        CREATE INDEX ix_deliveries_state ON deliveries (destination, status);

        CREATE TABLE idempotency (
            scope        TEXT    NOT NULL,
            key          TEXT    NOT NULL,
            request_hash BLOB    NOT NULL,
            message_seq  INTEGER NOT NULL,
            PRIMARY KEY (scope, key)
        ) WITHOUT ROWID;

        CREATE TABLE journal_probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL);
        """),
        new("an index of idempotency claims by message",
        """
        -- Retention deletes a pruned message's idempotency claim by its message.
        CREATE INDEX ix_idempotency_message ON idempotency (message_seq);
        """),
        new("replies: the destination's final answer per delivery",
        """
        -- The destination's final answer per delivery. A table of its own rather than columns of deliveries: bodies
        -- would swell the WITHOUT ROWID rows that leasing walks, and most deliveries never have their reply read.
        CREATE TABLE replies (
            message_seq  INTEGER NOT NULL,
            destination  TEXT    NOT NULL,
            status       INTEGER NOT NULL,
            headers      TEXT    NULL,
            content_type TEXT    NULL,
            body         BLOB    NOT NULL,
            truncated    INTEGER NOT NULL,
            PRIMARY KEY (message_seq, destination)
        );
        """),
    ];

    public string Owner => "the journal schema";

    public async Task<int> VersionAsync(JournalSession session, CancellationToken cancellationToken)
    {
        await using var command = session.Command("PRAGMA user_version");
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public Task RecordAsync(JournalSession session, int version, string description, CancellationToken cancellationToken) =>
        session.ExecuteAsync($"PRAGMA user_version = {version}", cancellationToken);
}
