using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Adms;

/// <summary>
/// The ADMS module's tables, in the journal's database, which the journal's retention never touches:
/// <list type="bullet">
/// <item><c>adms_punch_lines</c>: the identity (<see cref="AdmsIdempotency"/>) of every punch a device sent, written in
/// the commit that stores the punch, so a device re-sending its records after the journal pruned the messages (7 days)
/// but within the offline window (31) stores nothing new. Pruned by <see cref="AdmsLinesPruner"/> only once a line
/// that old would be refused anyway.</item>
/// <item><c>adms_rejected_lines</c>: the lines Sluice could not take, kept for HR (<see cref="Rejected.RejectedLinesStore"/>).</item>
/// </list>
/// </summary>
internal sealed class AdmsSchema : IJournalModule
{
    private const string Tables =
        """
        CREATE TABLE {schema}.adms_punch_lines (
            serial text NOT NULL, line_key text NOT NULL, punched_at_ms bigint NOT NULL, message_id text NOT NULL,
            PRIMARY KEY (serial, line_key));
        CREATE TABLE {schema}.adms_rejected_lines (
            serial text NOT NULL, line_key text NOT NULL, establishment_id text NOT NULL, line_number integer NOT NULL,
            pin text, line text NOT NULL, reason text NOT NULL, received_at bigint NOT NULL,
            PRIMARY KEY (serial, line_key));
        """;

    private static readonly string[] Sqlite =
    [
        Tables +
        """
        CREATE INDEX {schema}.ix_adms_punch_lines_punched ON adms_punch_lines (punched_at_ms);
        CREATE INDEX {schema}.ix_adms_rejected_lines_establishment ON adms_rejected_lines (establishment_id, received_at);
        """,
    ];

    private static readonly string[] Postgres =
    [
        Tables +
        """
        CREATE INDEX ix_adms_punch_lines_punched ON {schema}.adms_punch_lines (punched_at_ms);
        CREATE INDEX ix_adms_rejected_lines_establishment ON {schema}.adms_rejected_lines (establishment_id, received_at);
        """,
    ];

    public string Name => "adms";

    public IReadOnlyList<string> Migrations(JournalEngine engine) => engine == JournalEngine.Sqlite ? Sqlite : Postgres;

    public bool Handles(string kind) => kind == PunchIntake.Kind;

    /// <summary>Records the identity of each device punch in the batch (repeats of a key never reach here).</summary>
    public async ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken)
    {
        var lines = new List<(string Serial, string Key, long PunchedAtMs, string MessageId)>();
        foreach (var message in messages)
        {
            if (message.Idempotency is { Scope: AdmsEndpoints.IdempotencyScope } claim && message.Context is PunchDraft { DeviceId: { } serial } draft)
            {
                lines.Add((serial, claim.Key, LedgerTimes.Ms(draft.PunchedAt), message.Id.ToString()));
            }
        }

        if (lines.Count == 0)
        {
            return;
        }

        var table = session.Table("adms_punch_lines");
        if (session.Engine == JournalEngine.Postgres)
        {
            // One statement for the batch: on PostgreSQL each statement is a round trip inside intake's transaction.
            await using var insert = session.Command(
                $"INSERT INTO {table} (serial, line_key, punched_at_ms, message_id) SELECT * FROM unnest(@p0, @p1, @p2, @p3) " +
                "ON CONFLICT (serial, line_key) DO NOTHING",
                lines.Select(l => l.Serial).ToArray(), lines.Select(l => l.Key).ToArray(),
                lines.Select(l => l.PunchedAtMs).ToArray(), lines.Select(l => l.MessageId).ToArray());
            await insert.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        foreach (var line in lines)
        {
            await using var insert = session.Command(
                $"INSERT INTO {table} (serial, line_key, punched_at_ms, message_id) VALUES (@p0, @p1, @p2, @p3) ON CONFLICT (serial, line_key) DO NOTHING",
                line.Serial, line.Key, line.PunchedAtMs, line.MessageId);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
