using Sluice.Journal;
using Sluice.Journal.Modules;

namespace Sluice.Punches.Adms.Rejected;

/// <summary>
/// The table of device lines Sluice could not take (unknown PIN, unreadable, time out of window), kept in the journal's
/// database so HR can see and act on them: a punch a device recorded is never silently lost. One row per device and
/// line, so firmware re-sending a batch does not repeat it. The journal's retention never touches it.
/// </summary>
internal sealed class RejectedLinesSchema : IJournalModule
{
    private const string Table =
        """
        CREATE TABLE {schema}.adms_rejected_lines (
            serial text NOT NULL, line_key text NOT NULL, establishment_id text NOT NULL, line_number integer NOT NULL,
            pin text, line text NOT NULL, reason text NOT NULL, received_at bigint NOT NULL,
            PRIMARY KEY (serial, line_key));
        """;

    private static readonly string[] Sqlite =
    [
        Table + "CREATE INDEX {schema}.ix_adms_rejected_lines_establishment ON adms_rejected_lines (establishment_id, received_at);",
    ];

    private static readonly string[] Postgres =
    [
        Table + "CREATE INDEX ix_adms_rejected_lines_establishment ON {schema}.adms_rejected_lines (establishment_id, received_at);",
    ];

    public string Name => "adms";

    public IReadOnlyList<string> Migrations(JournalEngine engine) => engine == JournalEngine.Sqlite ? Sqlite : Postgres;

    public bool Handles(string kind) => false;

    public ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken) =>
        ValueTask.CompletedTask;
}
