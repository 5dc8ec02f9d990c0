using System.Data.Common;
using System.Text.Json;
using Sluice.Journal;
using Sluice.Journal.Modules;

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

    private const string InsertColumns =
        "establishment_id, nsr, record_type, message_id, employee_id, cpf, punched_at, punched_at_ms, recorded_at, recorded_at_ms, collector, offline, hash, device_id";

    // SQLite's writer is one connection for the life of the journal: its insert is prepared once and reused.
    private DbConnection? _preparedOn;
    private DbCommand? _insert;

    public string Name => ModuleName;

    public IReadOnlyList<string> Migrations(JournalEngine engine) => LedgerSchema.Migrations(engine);

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

        if (session.Engine == JournalEngine.Postgres)
        {
            await InsertBatchAsync(session, messages, punches, numbers, cancellationToken);
        }
        else
        {
            await InsertEachAsync(session, messages, punches, numbers, cancellationToken);
        }

        await LedgerHeads.SaveAsync(session, heads, cancellationToken);
    }

    /// <summary>
    /// SQLite: the whole batch in one prepared statement, its rows as one JSON array expanded by <c>json_each</c>;
    /// binding fourteen parameters per row cost more than the insert itself.
    /// </summary>
    private async Task InsertEachAsync(
        JournalSession session, IList<NewMessage> messages, List<(int Index, PunchDraft Draft)> punches, PunchNumbers[] numbers, CancellationToken ct)
    {
        if (!ReferenceEquals(_preparedOn, session.Connection) || _insert is null)
        {
            _insert?.Dispose();
            _insert = session.Command(
                $"""
                INSERT INTO {session.Table("punch_ledger")} ({InsertColumns})
                SELECT j.value ->> 0, j.value ->> 1, 7, j.value ->> 2, j.value ->> 3, j.value ->> 4, j.value ->> 5, j.value ->> 6,
                       j.value ->> 7, j.value ->> 8, j.value ->> 9, j.value ->> 10, j.value ->> 11, j.value ->> 12
                FROM json_each(CAST(@p0 AS TEXT)) AS j
                """,
                new object?[1]);
            _insert.Prepare();
            _preparedOn = session.Connection;
        }

        _insert.Transaction = session.Transaction;
        _insert.Parameters[0].Value = LedgerRowsJson.Write(messages, punches, numbers);
        await _insert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>PostgreSQL: the whole batch in one statement, one round trip.</summary>
    private static async Task InsertBatchAsync(
        JournalSession session, IList<NewMessage> messages, List<(int Index, PunchDraft Draft)> punches, PunchNumbers[] numbers, CancellationToken ct)
    {
        var drafts = punches.Select(p => p.Draft).ToList();
        await using var insert = session.Command(
            $"""
            INSERT INTO {session.Table("punch_ledger")} ({InsertColumns})
            SELECT e, n, 7, m, w, c, pa, pm, ra, rm, k, o, h, d
            FROM unnest(@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11, @p12) AS u(e, n, m, w, c, pa, pm, ra, rm, k, o, h, d)
            """,
            drafts.Select(d => d.EstablishmentId).ToArray(),
            numbers.Select(n => n.Nsr).ToArray(),
            punches.Select(p => messages[p.Index].Id).ToArray(),
            drafts.Select(d => d.EmployeeId).ToArray(),
            drafts.Select(d => d.Cpf).ToArray(),
            drafts.Select(d => LedgerTimes.Format(d.PunchedAt)).ToArray(),
            drafts.Select(d => LedgerTimes.Ms(d.PunchedAt)).ToArray(),
            drafts.Select(d => LedgerTimes.Format(d.RecordedAt)).ToArray(),
            drafts.Select(d => LedgerTimes.Ms(d.RecordedAt)).ToArray(),
            drafts.Select(d => (int)d.Collector).ToArray(),
            drafts.Select(d => d.Offline ? 1 : 0).ToArray(),
            numbers.Select(n => n.Hash).ToArray(),
            drafts.Select(d => d.DeviceId).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }
}
