namespace Sluice.Journal.Sqlite;

/// <summary>
/// The journal's statements, all of them here, named as <c>PostgresSql</c> names its own. Batches travel as one JSON
/// array parameter; instants are Unix milliseconds. Rows of several columns are expanded by <c>jsonb_each</c>, which
/// hands each row over as JSONB, so every <c>-&gt;&gt;</c> reads its column without parsing the row's text again
/// (<c>json_each</c> hands back text, parsed anew by each <c>-&gt;&gt;</c>: 6 % of the punch path's CPU samples).
/// </summary>
internal static class SqliteSql
{
    public const string Probe =
        "INSERT INTO journal_probe (id, at) VALUES (1, $at) ON CONFLICT (id) DO UPDATE SET at = excluded.at";

    public const string LastSeq = "SELECT COALESCE(MAX(seq), 0) FROM messages";

    public const string InsertMessages =
        """
        INSERT INTO messages (seq, id, kind, received_at, content_type, metadata, ordering_key, payload)
        SELECT $base + j.key, j.value ->> 0, j.value ->> 1, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5,
               unhex(j.value ->> 6)
        FROM jsonb_each(CAST($rows AS TEXT)) AS j
        """;

    // A delivery waits behind its ordering key when an unfinished one holds the key: one stored before this
    // statement (the subquery sees the table as it was), or one earlier in this batch (marked by the writer).
    public const string InsertDeliveries =
        """
        INSERT INTO deliveries (message_seq, destination, status, available_at, attempts, ordering_key, is_head)
        SELECT $base + (j.value ->> 0), j.value ->> 1, 0, j.value ->> 2, 0, j.value ->> 3,
               CASE WHEN j.value ->> 3 IS NULL THEN 1
                    WHEN j.value ->> 4 = 1 THEN 0
                    WHEN EXISTS (SELECT 1 FROM deliveries AS d INDEXED BY ix_deliveries_key
                                 WHERE d.destination = j.value ->> 1 AND d.ordering_key = j.value ->> 3 AND d.status < 2) THEN 0
                    ELSE 1 END
        FROM jsonb_each(CAST($rows AS TEXT)) AS j
        """;

    public const string SelectClaims =
        """
        SELECT j.key, i.request_hash, m.id, m.received_at
        FROM jsonb_each(CAST($keys AS TEXT)) AS j
        JOIN idempotency AS i ON i.scope = j.value ->> 0 AND i.key = j.value ->> 1
        JOIN messages AS m ON m.seq = i.message_seq
        """;

    public const string InsertClaims =
        """
        INSERT INTO idempotency (scope, key, request_hash, message_seq)
        SELECT j.value ->> 0, j.value ->> 1, unhex(j.value ->> 2), $base + (j.value ->> 3)
        FROM jsonb_each(CAST($rows AS TEXT)) AS j
        """;

    // Only heads are eligible: of the unfinished deliveries sharing an ordering key just the oldest,
    // so a key's messages go out one at a time, in arrival order, even across retries.
    public const string Lease =
        """
        SELECT d.message_seq, m.id, m.kind, m.payload, m.content_type, m.metadata, d.ordering_key, m.received_at, d.attempts + 1
        FROM deliveries d JOIN messages m ON m.seq = d.message_seq
        WHERE d.destination = $destination AND d.status < 2 AND d.is_head = 1 AND d.available_at <= $now
        ORDER BY d.available_at, d.message_seq
        LIMIT $max
        """;

    public const string MarkLeased =
        """
        UPDATE deliveries
        SET status = 1, available_at = $until, attempts = attempts + 1, lease_token = $token,
            lease_owner = $owner, last_attempt_at = $now
        WHERE destination = $destination AND message_seq IN (SELECT value FROM json_each($seqs))
        """;

    public const string Delivered =
        """
        UPDATE deliveries
        SET status = 2, completed_at = $at, available_at = $at, lease_token = NULL, lease_owner = NULL
        WHERE message_seq = $seq AND destination = $destination AND status < 2
        """;

    // Retry, Release and Dead count only while the outcome's lease is still held.
    private const string HeldLease = "WHERE message_seq = $seq AND destination = $destination AND status = 1 AND lease_token = $token";

    public const string Retry =
        $"""
        UPDATE deliveries
        SET status = 0, available_at = $next, last_error = $error, lease_token = NULL, lease_owner = NULL
        {HeldLease}
        """;

    public const string Release =
        $"""
        UPDATE deliveries
        SET status = 0, available_at = $next, attempts = MAX(attempts - 1, 0),
            last_error = COALESCE($error, last_error), lease_token = NULL, lease_owner = NULL
        {HeldLease}
        """;

    public const string Dead =
        $"""
        UPDATE deliveries
        SET status = 3, completed_at = $at, last_error = $error, lease_token = NULL, lease_owner = NULL
        {HeldLease}
        """;

    // Only the outcome that finished the delivery keeps its answer; a replayed dead letter's new answer replaces the old.
    // One row per execution here: SQLite runs each in-process, so there is no round trip to save.
    public const string KeepReplies =
        """
        INSERT OR REPLACE INTO replies (message_seq, destination, status, headers, content_type, body, truncated)
        VALUES ($seq, $destination, $status, $headers, $contentType, $body, $truncated)
        """;

    public const string Reply =
        """
        SELECT r.status, r.headers, r.content_type, r.body, r.truncated
        FROM replies r JOIN messages m ON m.seq = r.message_seq
        WHERE m.id = $id AND r.destination = $destination
        """;

    // When a head finishes, the oldest unfinished delivery with its key becomes the head.
    // INDEXED BY: without statistics the planner prefers the (destination, status) index and scans every open row.
    public const string PromoteNextHeads =
        """
        UPDATE deliveries SET is_head = 1
        WHERE destination = $destination AND is_head = 0 AND message_seq = (
            SELECT n.message_seq FROM deliveries n INDEXED BY ix_deliveries_key
            WHERE n.destination = $destination AND n.status < 2
              AND n.ordering_key = (SELECT c.ordering_key FROM deliveries c WHERE c.message_seq = $seq AND c.destination = $destination)
            ORDER BY n.message_seq LIMIT 1)
        """;

    private const string DeadLetterRows =
        "SELECT d.message_seq, d.destination FROM deliveries d WHERE d.status = 3 AND ($destination IS NULL OR d.destination = $destination)";

    public const string DeadLetterTargets = $"{DeadLetterRows} ORDER BY d.message_seq";

    public const string DeadLetterTargetsOfMessage =
        $"{DeadLetterRows} AND d.message_seq = (SELECT seq FROM messages WHERE id = $id) ORDER BY d.message_seq";

    // A replayed delivery may only lead its key if nothing else with the key is unfinished; otherwise it
    // waits and, being older, is promoted as soon as the current head finishes.
    public const string Replay =
        """
        UPDATE deliveries
        SET status = 0, attempts = 0, available_at = $now, completed_at = NULL,
            is_head = CASE WHEN ordering_key IS NULL THEN 1 ELSE NOT EXISTS (
                SELECT 1 FROM deliveries o INDEXED BY ix_deliveries_key
                WHERE o.destination = deliveries.destination AND o.ordering_key = deliveries.ordering_key AND o.status < 2) END
        WHERE message_seq = $seq AND destination = $destination AND status = 3
        """;

    public const string Discard =
        """
        UPDATE deliveries SET status = 4, completed_at = $now
        WHERE message_seq = $seq AND destination = $destination AND status = 3
        """;

    public const string Message =
        "SELECT seq, kind, received_at, content_type, payload, metadata, ordering_key FROM messages WHERE id = $id";

    public const string MessageDeliveries =
        """
        SELECT destination, status, attempts, available_at, last_attempt_at, completed_at, last_error
        FROM deliveries WHERE message_seq = $seq ORDER BY destination
        """;

    /// <summary>The delivery columns <see cref="Relational.JournalRows.Delivery"/> reads, then the message's id; the ids as a JSON array.</summary>
    public const string DeliveriesOfMessages =
        """
        SELECT d.destination, d.status, d.attempts, d.available_at, d.last_attempt_at, d.completed_at, d.last_error, m.id
        FROM messages m JOIN deliveries d ON d.message_seq = m.seq
        WHERE m.id IN (SELECT value FROM json_each(CAST($ids AS TEXT)))
        ORDER BY m.seq, d.destination
        """;

    public const string Stats =
        """
        SELECT g.destination, g.status, g.n, g.retrying, m.received_at, g.owners
        FROM (
            SELECT destination, status, COUNT(*) AS n, SUM(CASE WHEN status = 0 AND attempts > 0 THEN 1 ELSE 0 END) AS retrying,
                   MIN(message_seq) AS first_seq, GROUP_CONCAT(DISTINCT lease_owner) AS owners
            FROM deliveries GROUP BY destination, status) g
        LEFT JOIN messages m ON m.seq = g.first_seq AND g.status < 2
        """;

    public const string DeadLetters =
        """
        SELECT m.id, m.kind, d.destination, m.received_at, d.attempts, d.completed_at, d.last_error, d.message_seq
        FROM deliveries d JOIN messages m ON m.seq = d.message_seq
        WHERE d.status = 3 AND d.message_seq > $after AND ($destination IS NULL OR d.destination = $destination)
        ORDER BY d.message_seq, d.destination
        LIMIT $limit
        """;

    public const string NextDue =
        "SELECT MIN(available_at) FROM deliveries WHERE destination = $destination AND status < 2 AND is_head = 1";

    // Oldest first: messages every destination has finished with (delivered or discarded) since before the
    // cut-off. Dead letters stay until an operator acts on them. The rows go by the deletes of PruneSeqs.
    public const string Prune =
        """
        SELECT m.seq FROM messages m
        WHERE m.received_at < $cutoff AND NOT EXISTS (
            SELECT 1 FROM deliveries d
            WHERE d.message_seq = m.seq AND (d.status NOT IN (2, 4) OR d.completed_at >= $cutoff))
        ORDER BY m.seq
        LIMIT $max
        """;

    public static readonly string[] PruneSeqs =
    [
        "DELETE FROM deliveries WHERE message_seq IN (SELECT value FROM json_each($seqs))",
        "DELETE FROM replies WHERE message_seq IN (SELECT value FROM json_each($seqs))",
        "DELETE FROM idempotency WHERE message_seq IN (SELECT value FROM json_each($seqs))",
        "DELETE FROM messages WHERE seq IN (SELECT value FROM json_each($seqs))",
    ];
}
