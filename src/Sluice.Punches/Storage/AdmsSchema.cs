namespace Sluice.Punches.Storage;

/// <summary>
/// The ADMS module's tables (<see cref="Adms.AdmsModule"/>), which the journal's retention never touches:
/// <list type="bullet">
/// <item><c>adms_punch_lines</c>: the identity (<see cref="Adms.AdmsIdempotency"/>) of every punch a device sent, written in
/// the commit that stores the punch, so a device re-sending its records after the journal pruned the messages (7 days)
/// but within the offline window (31) stores nothing new. Pruned by <see cref="Adms.AdmsLinesPruner"/> only once a line
/// that old would be refused anyway.</item>
/// <item><c>adms_rejected_lines</c>: the lines Sluice could not take, kept for HR (<see cref="Adms.Rejected.RejectedLinesStore"/>).</item>
/// </list>
/// The texts both engines share; each engine's steps are <see cref="SqlitePunchSql"/>'s and <see cref="PostgresPunchSql"/>'s.
/// </summary>
internal static class AdmsSchema
{
    public const string Tables =
        """
        CREATE TABLE {schema}.adms_punch_lines (
            serial text NOT NULL, line_key text NOT NULL, punched_at_ms bigint NOT NULL, message_id text NOT NULL,
            PRIMARY KEY (serial, line_key));
        CREATE TABLE {schema}.adms_rejected_lines (
            serial text NOT NULL, line_key text NOT NULL, establishment_id text NOT NULL, line_number integer NOT NULL,
            pin text, line text NOT NULL, reason text NOT NULL, received_at bigint NOT NULL,
            PRIMARY KEY (serial, line_key));
        """;

    /// <summary>The tables' indexes, appended to <see cref="Tables"/> in the one step: <c>{index}</c> and <c>{on}</c> are filled in per engine.</summary>
    public const string Indexes =
        """
        CREATE INDEX {index}ix_adms_punch_lines_punched {on}adms_punch_lines (punched_at_ms);
        CREATE INDEX {index}ix_adms_rejected_lines_establishment {on}adms_rejected_lines (establishment_id, received_at);
        """;
}

/// <summary>One row of <c>adms_punch_lines</c>: a device punch's identity, written in the commit that stores it.</summary>
internal readonly record struct AdmsPunchLine(string Serial, string Key, long PunchedAtMs, string MessageId);
