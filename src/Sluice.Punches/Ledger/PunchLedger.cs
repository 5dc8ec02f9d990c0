using System.Text.Json;
using Sluice.Journal;
using Sluice.Journal.Modules;
using Sluice.Punches.Storage;

namespace Sluice.Punches.Ledger;

/// <summary>
/// Numbers and chains punches as they are committed: inside the journal's append transaction it takes each
/// establishment's head, gives every punch the next NSR and its SHA-256 link, inserts the immutable ledger rows,
/// adds both to the message's payload and hands them back to intake on the append result. One writer per node and a locked head per establishment
/// make the numbering gap-free; a rolled-back batch takes its numbers with it.
/// </summary>
internal sealed class PunchLedger : IJournalModule
{
    public const string ModuleName = "punches";

    // Made on the first commit, when the engine is known; on SQLite it keeps its statement prepared on the writer's connection.
    private LedgerInsert? _insert;

    public string Name => ModuleName;

    public IReadOnlyList<string> Migrations(JournalEngine engine) => PunchSql.For(engine).LedgerMigrations;

    public bool Handles(string kind) => kind == PunchIntake.Kind;

    public async ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken)
    {
        var punches = new List<(int Index, PunchDraft Draft)>(messages.Count);
        for (var i = 0; i < messages.Count; i++)
        {
            // Only punches intake resolved to an employee carry a draft. Anything else of this kind (written by a tool
            // straight to the journal) is left as it is: throwing here would refuse every request sharing the commit.
            if (messages[i].Kind == PunchIntake.Kind && messages[i].Context is PunchDraft draft)
            {
                punches.Add((i, draft));
            }
        }

        if (punches.Count == 0)
        {
            return;
        }

        var heads = await LedgerHeads.LockAsync(session, punches.Select(p => p.Draft.EstablishmentId.ToString()), cancellationToken);
        var numbers = new PunchNumbers[punches.Count];
        for (var n = 0; n < punches.Count; n++)
        {
            var (index, draft) = punches[n];
            var head = heads[draft.EstablishmentId.ToString()];
            var nsr = ++head.Nsr;
            head.Hash = PunchHash.Compute(nsr, draft.PunchedAt, draft.Cpf, draft.RecordedAt, (int)draft.Collector, draft.Offline, head.Hash);
            numbers[n] = new PunchNumbers(nsr, head.Hash);

            // Intake serialised the punch on the request's thread; only the two numbers are written here.
            var message = messages[index];
            messages[index] = message with
            {
                Payload = JsonObjects.Join(JsonSerializer.SerializeToUtf8Bytes(numbers[n], PunchesJsonContext.Default.PunchNumbers), message.Payload.Span),
                Assigned = numbers[n],
            };
        }

        _insert ??= PunchSql.For(session.Engine).NewLedgerInsert();
        await _insert.InsertAsync(session, messages, punches, numbers, cancellationToken);
        await LedgerHeads.SaveAsync(session, heads, cancellationToken);
    }
}
