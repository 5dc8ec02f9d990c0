namespace Sluice.Journal.Postgres;

/// <summary>
/// The journal's statements, all of them here, named as <c>SqliteSql</c> names its own, and qualified with the
/// journal's schema once. Batches travel as arrays through <c>unnest</c>.
/// </summary>
internal sealed class PostgresSql(string s)
{
    public readonly string Probe =
        $"INSERT INTO {s}.probe (id, at, node) VALUES (1, now(), $1) ON CONFLICT (id) DO UPDATE SET at = now(), node = $1";

    public readonly string InsertClaims =
        $"""
        INSERT INTO {s}.idempotency (scope, key, request_hash, message_id, received_at)
        SELECT * FROM unnest($1::text[], $2::text[], $3::bytea[], $4::uuid[], $5::timestamptz[])
        ON CONFLICT (scope, key) DO NOTHING
        RETURNING scope, key
        """;

    public readonly string SelectClaims =
        $"""
        SELECT i.scope, i.key, i.request_hash, i.message_id, i.received_at
        FROM {s}.idempotency i JOIN unnest($1::text[], $2::text[]) AS c(scope, key) ON i.scope = c.scope AND i.key = c.key
        """;

    // The array arrives sorted; a function scan keeps that order, so every node locks in the same order.
    public readonly string LockKeys = "SELECT pg_advisory_xact_lock(k) FROM unnest($1::bigint[]) AS t(k)";

    public readonly string BusyKeys =
        $"""
        SELECT DISTINCT d.destination, d.ordering_key
        FROM {s}.deliveries d JOIN unnest($1::text[], $2::text[]) AS k(destination, ordering_key)
          ON d.destination = k.destination AND d.ordering_key = k.ordering_key
        WHERE d.status < 2 AND d.ordering_key IS NOT NULL
        """;

    // One round trip for the whole batch: messages, their deliveries, and the wake-up for idle workers on
    // every node (NOTIFY is delivered at commit, and only if the transaction commits).
    public readonly string InsertMessages =
        $"""
        WITH m AS (
            INSERT INTO {s}.messages (id, kind, received_at, content_type, metadata, ordering_key, payload)
            SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[], $5::jsonb[], $6::text[], $7::bytea[])
            RETURNING seq, id),
        d AS (
            INSERT INTO {s}.deliveries (message_seq, destination, status, available_at, ordering_key, is_head)
            SELECT m.seq, n.destination, 0, n.due, n.ordering_key, n.is_head
            FROM unnest($8::uuid[], $9::text[], $10::timestamptz[], $11::text[], $12::boolean[])
                AS n(id, destination, due, ordering_key, is_head)
            JOIN m ON m.id = n.id)
        SELECT pg_notify('{PostgresJournal.WorkChannel}', $13)
        """;

    // SKIP LOCKED: nodes leasing at once each take different rows instead of queueing behind each other.
    public readonly string Lease =
        $"""
        WITH due AS (
            SELECT message_seq, available_at FROM {s}.deliveries
            WHERE destination = $1 AND status < 2 AND is_head AND available_at <= $2
            ORDER BY available_at, message_seq
            LIMIT $3
            FOR UPDATE SKIP LOCKED),
        leased AS (
            UPDATE {s}.deliveries d
            SET status = 1, available_at = $4, attempts = d.attempts + 1, lease_token = $5, lease_owner = $6, last_attempt_at = $2
            FROM due WHERE d.destination = $1 AND d.message_seq = due.message_seq
            RETURNING d.message_seq, d.ordering_key, d.attempts)
        SELECT l.message_seq, m.id, m.kind, m.payload, m.content_type, m.metadata::text, l.ordering_key, m.received_at, l.attempts
        FROM leased l JOIN due ON due.message_seq = l.message_seq JOIN {s}.messages m ON m.seq = l.message_seq
        ORDER BY due.available_at, l.message_seq
        """;

    public readonly string Delivered =
        $"""
        UPDATE {s}.deliveries d
        SET status = 2, completed_at = o.at, available_at = o.at, lease_token = NULL, lease_owner = NULL
        FROM unnest($1::bigint[], $2::text[], $3::timestamptz[], $4::uuid[]) AS o(seq, destination, at, token)
        WHERE d.message_seq = o.seq AND d.destination = o.destination AND d.status < 2
        RETURNING d.destination, d.ordering_key, d.message_seq, o.token
        """;

    // Retry, Release and Dead count only while the outcome's lease is still held.
    private const string HeldLeases =
        """
        FROM unnest($1::bigint[], $2::text[], $3::uuid[], $4::timestamptz[], $5::text[]) AS o(seq, destination, token, next, error)
        WHERE d.message_seq = o.seq AND d.destination = o.destination AND d.status = 1 AND d.lease_token = o.token
        """;

    public readonly string Retry =
        $"""
        UPDATE {s}.deliveries d
        SET status = 0, available_at = o.next, last_error = o.error, lease_token = NULL, lease_owner = NULL
        {HeldLeases}
        """;

    public readonly string Release =
        $"""
        UPDATE {s}.deliveries d
        SET status = 0, available_at = o.next, attempts = GREATEST(d.attempts - 1, 0),
            last_error = COALESCE(o.error, d.last_error), lease_token = NULL, lease_owner = NULL
        {HeldLeases}
        """;

    public readonly string Dead =
        $"""
        UPDATE {s}.deliveries d
        SET status = 3, completed_at = o.next, last_error = o.error, lease_token = NULL, lease_owner = NULL
        {HeldLeases}
        RETURNING d.destination, d.ordering_key, d.message_seq, o.token
        """;

    // Only the outcome that finished the delivery keeps its answer; a replayed dead letter's new answer replaces the old.
    public readonly string KeepReplies =
        $"""
        INSERT INTO {s}.replies (message_seq, destination, status, headers, content_type, body, truncated)
        SELECT * FROM unnest($1::bigint[], $2::text[], $3::smallint[], $4::jsonb[], $5::text[], $6::bytea[], $7::boolean[])
        ON CONFLICT (message_seq, destination) DO UPDATE
        SET status = excluded.status, headers = excluded.headers, content_type = excluded.content_type,
            body = excluded.body, truncated = excluded.truncated
        """;

    public readonly string Reply =
        $"""
        SELECT r.status, r.headers::text, r.content_type, r.body, r.truncated
        FROM {s}.replies r JOIN {s}.messages m ON m.seq = r.message_seq
        WHERE m.id = $1 AND r.destination = $2
        """;

    // When a key's head finishes, its oldest unfinished delivery becomes the head.
    public readonly string PromoteNextHeads =
        $"""
        UPDATE {s}.deliveries d SET is_head = true
        FROM (
            SELECT DISTINCT ON (n.destination, n.ordering_key) n.message_seq, n.destination
            FROM {s}.deliveries n JOIN unnest($1::text[], $2::text[]) AS k(destination, ordering_key)
              ON n.destination = k.destination AND n.ordering_key = k.ordering_key
            WHERE n.status < 2 AND n.ordering_key IS NOT NULL
            ORDER BY n.destination, n.ordering_key, n.message_seq) next
        WHERE d.message_seq = next.message_seq AND d.destination = next.destination AND NOT d.is_head
        """;

    public readonly string DeadLetterTargets =
        $"""
        SELECT d.message_seq, d.destination, d.ordering_key FROM {s}.deliveries d
        WHERE d.status = 3 AND ($1::text IS NULL OR d.destination = $1)
          AND ($2::uuid[] IS NULL OR d.message_seq IN (SELECT seq FROM {s}.messages WHERE id = ANY($2)))
        ORDER BY d.message_seq, d.destination
        FOR UPDATE
        """;

    // A replayed delivery leads its key only if nothing else with the key is unfinished; otherwise it waits
    // and, being older, is promoted as soon as the current head finishes.
    public readonly string Replay =
        $"""
        UPDATE {s}.deliveries d
        SET status = 0, attempts = 0, available_at = $3, completed_at = NULL,
            is_head = d.ordering_key IS NULL OR NOT EXISTS (
                SELECT 1 FROM {s}.deliveries o
                WHERE o.destination = d.destination AND o.ordering_key = d.ordering_key AND o.status < 2)
        WHERE d.message_seq = $1 AND d.destination = $2 AND d.status = 3
        """;

    public readonly string Discard =
        $"""
        UPDATE {s}.deliveries d SET status = 4, completed_at = $3
        FROM unnest($1::bigint[], $2::text[]) AS t(seq, destination)
        WHERE d.message_seq = t.seq AND d.destination = t.destination AND d.status = 3
        """;

    public readonly string Message =
        $"SELECT seq, kind, received_at, content_type, payload, metadata::text, ordering_key FROM {s}.messages WHERE id = $1";

    public readonly string MessageDeliveries =
        $"""
        SELECT destination, status, attempts, available_at, last_attempt_at, completed_at, last_error
        FROM {s}.deliveries WHERE message_seq = $1 ORDER BY destination
        """;

    /// <summary>The delivery columns <see cref="Relational.JournalRows.Delivery"/> reads, then the message's id.</summary>
    public readonly string DeliveriesOfMessages =
        $"""
        SELECT d.destination, d.status, d.attempts, d.available_at, d.last_attempt_at, d.completed_at, d.last_error, m.id
        FROM {s}.messages m JOIN {s}.deliveries d ON d.message_seq = m.seq
        WHERE m.id = ANY($1)
        ORDER BY m.seq, d.destination
        """;

    public readonly string Stats =
        $"""
        SELECT g.destination, g.status, g.n, g.retrying, m.received_at, g.owners
        FROM (
            SELECT destination, status, COUNT(*) AS n, COUNT(*) FILTER (WHERE status = 0 AND attempts > 0) AS retrying,
                   MIN(message_seq) AS first_seq, string_agg(DISTINCT lease_owner, ',') AS owners
            FROM {s}.deliveries GROUP BY destination, status) g
        LEFT JOIN {s}.messages m ON m.seq = g.first_seq AND g.status < 2
        """;

    public readonly string DeadLetters =
        $"""
        SELECT m.id, m.kind, d.destination, m.received_at, d.attempts, d.completed_at, d.last_error, d.message_seq
        FROM {s}.deliveries d JOIN {s}.messages m ON m.seq = d.message_seq
        WHERE d.status = 3 AND d.message_seq > $1 AND ($2::text IS NULL OR d.destination = $2)
        ORDER BY d.message_seq, d.destination
        LIMIT $3
        """;

    public readonly string NextDue =
        $"SELECT MIN(available_at) FROM {s}.deliveries WHERE destination = $1 AND status < 2 AND is_head";

    // Oldest first, a chunk at a time: messages every destination has finished with (delivered or discarded)
    // since before the cut-off. Dead letters stay until an operator acts on them.
    public readonly string Prune =
        $"""
        WITH doomed AS (
            SELECT m.seq, m.id FROM {s}.messages m
            WHERE m.received_at < $1 AND NOT EXISTS (
                SELECT 1 FROM {s}.deliveries d
                WHERE d.message_seq = m.seq AND (d.status NOT IN (2, 4) OR d.completed_at >= $1))
            ORDER BY m.seq
            LIMIT $2),
        deliveries AS (DELETE FROM {s}.deliveries d USING doomed WHERE d.message_seq = doomed.seq),
        replies AS (DELETE FROM {s}.replies r USING doomed WHERE r.message_seq = doomed.seq),
        claims AS (DELETE FROM {s}.idempotency i USING doomed WHERE i.message_id = doomed.id)
        DELETE FROM {s}.messages m USING doomed WHERE m.seq = doomed.seq
        """;
}
