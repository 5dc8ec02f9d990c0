using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Punches.Ledger;
using Sluice.Punches.Storage;

namespace Sluice.Punches.Adms;

/// <summary>
/// The ADMS module (tables in <see cref="AdmsSchema"/>): records, in the commit that stores each device punch, the
/// identity of the line it came from, so a device re-sending it after the journal forgot its idempotency key stores nothing new.
/// </summary>
internal sealed class AdmsModule : IJournalModule
{
    public string Name => "adms";

    public IReadOnlyList<string> Migrations(JournalEngine engine) => PunchSql.For(engine).AdmsMigrations;

    public bool Handles(string kind) => kind == PunchIntake.Kind;

    /// <summary>Records the identity of each device punch in the batch (repeats of a key never reach here).</summary>
    public async ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken)
    {
        var lines = new List<AdmsPunchLine>();
        foreach (var message in messages)
        {
            if (message.Idempotency is { Scope: AdmsEndpoints.IdempotencyScope } claim && message.Context is PunchDraft { DeviceId: { } serial } draft)
            {
                lines.Add(new AdmsPunchLine(serial, claim.Key, LedgerTimes.Ms(draft.PunchedAt), message.Id.ToString()));
            }
        }

        if (lines.Count > 0)
        {
            await PunchSql.For(session.Engine).InsertAdmsLinesAsync(session, lines, cancellationToken);
        }
    }
}
