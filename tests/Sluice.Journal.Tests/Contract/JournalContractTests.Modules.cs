using System.Globalization;
using System.Text;
using Sluice.Journal.Modules;
using static Sluice.Journal.Tests.Contract.Messages;

namespace Sluice.Journal.Tests.Contract;

/// <summary>Modules' own tables: migrated once, written in the append transaction, rolled back with it.</summary>
public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Module_rows_commit_with_their_messages_and_a_module_may_rewrite_the_payload()
    {
        var module = new NumberingModule();
        await using var journal = await OpenWith(module);
        var numbered = Enumerable.Range(0, 3).Select(_ => Numbered()).ToArray();
        var plain = New();

        var results = await journal.AppendAsync([numbered[0], plain, numbered[1], numbered[2]], CancellationToken.None);

        Assert.All(results, r => Assert.Equal(AppendOutcome.Stored, r.Outcome));
        Assert.Equal([1L, 2L, 3L], await NumbersOf(journal, numbered.Select(m => m.Id)));
        var stored = await journal.GetMessageAsync(numbered[2].Id, CancellationToken.None);
        Assert.Equal("{\"number\":3}", Encoding.UTF8.GetString(stored!.Payload.Span));
        Assert.Equal(plain.Payload.ToArray(), (await journal.GetMessageAsync(plain.Id, CancellationToken.None))!.Payload.ToArray());
        Assert.Equal(1, module.Calls);
    }

    [Fact]
    public async Task A_module_hands_what_it_assigned_back_to_the_sender_on_the_append_result()
    {
        await using var journal = await OpenWith(new NumberingModule());
        var first = Numbered(claim: Claim("first"));

        var results = await journal.AppendAsync([first, New(), Numbered(), Numbered(claim: Claim("first"))], CancellationToken.None);

        // Numbered messages carry their number; a plain message and a repeat of a key carry nothing.
        Assert.Equal([1L, null, 2L, null], results.Select(r => (long?)r.Assigned));
        Assert.Equal(AppendOutcome.Duplicate, results[3].Outcome);
    }

    [Fact]
    public async Task A_failing_module_rolls_the_whole_batch_back()
    {
        await using var journal = await OpenWith(new NumberingModule());
        var good = Numbered();
        var plain = New();
        var bad = Numbered(fail: true);

        await Assert.ThrowsAnyAsync<Exception>(() => journal.AppendAsync([good, plain, bad], CancellationToken.None));

        foreach (var message in new[] { good, plain, bad })
        {
            Assert.Null(await journal.GetMessageAsync(message.Id, CancellationToken.None));
        }

        Assert.Empty(await NumbersOf(journal, [good.Id, bad.Id]));
        var later = Numbered();
        await journal.AppendAsync([later], CancellationToken.None);
        Assert.Equal([1L], await NumbersOf(journal, [later.Id]));
    }

    [Fact]
    public async Task Repeats_of_an_idempotency_key_and_other_kinds_never_reach_the_module()
    {
        var module = new NumberingModule();
        await using var journal = await OpenWith(module);
        var first = Numbered(claim: Claim("k1"));

        await journal.AppendAsync([first], CancellationToken.None);
        var repeat = await journal.AppendAsync([Numbered(claim: Claim("k1")), New()], CancellationToken.None);

        Assert.Equal(AppendOutcome.Duplicate, repeat[0].Outcome);
        Assert.Equal(first.Id, repeat[0].MessageId);
        Assert.Equal(1, module.Calls);
        Assert.Equal([1L], await NumbersOf(journal, [first.Id]));
    }

    [Fact]
    public async Task Module_migrations_run_once_and_its_data_outlives_a_restart()
    {
        var message = Numbered();
        await using (var journal = await OpenWith(new NumberingModule()))
        {
            await journal.AppendAsync([message], CancellationToken.None);
        }

        await using var again = await OpenWith(new NumberingModule());
        await again.Journal.InitializeAsync(CancellationToken.None);

        Assert.Equal([1L], await NumbersOf(again, [message.Id]));
        var versions = await again.ReadAsync(async (session, ct) =>
        {
            await using var command = session.Command(
                $"SELECT COUNT(*) FROM {session.Table("module_migrations")} WHERE module = @p0", NumberingModule.ModuleName);
            return Convert.ToInt32(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
        }, CancellationToken.None);
        Assert.Equal(2, versions);
    }

    [Fact]
    public async Task Modules_write_and_read_their_own_rows_through_the_journal_database()
    {
        await using var journal = await OpenWith(new NumberingModule());
        var id = Guid.NewGuid();

        await journal.WriteAsync(async (session, ct) =>
        {
            await using var insert = session.Command($"INSERT INTO {session.Table("numbers")} (message_id, number) VALUES (@p0, @p1)", id.ToString(), 42L);
            return await insert.ExecuteNonQueryAsync(ct);
        }, CancellationToken.None);

        Assert.Equal([42L], await NumbersOf(journal, [id]));
    }

    private async Task<ModuleJournal> OpenWith(IJournalModule module) => new(await CreateJournalAsync(module));

    private static NewMessage Numbered(bool fail = false, IdempotencyClaim? claim = null) =>
        New(body: fail ? "fail" : "{}", claim: claim) with { Kind = NumberingModule.Kind };

    private static Task<List<long>> NumbersOf(IJournalDatabase database, IEnumerable<Guid> ids) =>
        database.ReadAsync(async (session, ct) =>
        {
            var wanted = ids.Select(id => id.ToString()).ToHashSet();
            await using var command = session.Command($"SELECT message_id, number FROM {session.Table("numbers")} ORDER BY number");
            await using var reader = await command.ExecuteReaderAsync(ct);
            var numbers = new List<long>();
            while (await reader.ReadAsync(ct))
            {
                if (wanted.Contains(reader.GetString(0)))
                {
                    numbers.Add(reader.GetInt64(1));
                }
            }

            return numbers;
        }, CancellationToken.None);

    /// <summary>The journal under test seen as both its faces, disposed at the end of the test.</summary>
    private sealed class ModuleJournal(IJournal journal) : IJournalDatabase, IAsyncDisposable
    {
        private IJournalDatabase Database => (IJournalDatabase)journal;

        public JournalEngine Engine => Database.Engine;

        public Task<IReadOnlyList<AppendResult>> AppendAsync(IReadOnlyList<NewMessage> batch, CancellationToken ct) => journal.AppendAsync(batch, ct);

        public Task<MessageRecord?> GetMessageAsync(Guid id, CancellationToken ct) => journal.GetMessageAsync(id, ct);

        public Task<T> WriteAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken ct) => Database.WriteAsync(work, ct);

        public Task<T> ReadAsync<T>(Func<JournalSession, CancellationToken, Task<T>> work, CancellationToken ct) => Database.ReadAsync(work, ct);

        public IJournal Journal => journal;

        public ValueTask DisposeAsync() => (journal as IAsyncDisposable)?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>Numbers "numbered" messages 1, 2, 3… in a table of its own and writes the number into the payload.</summary>
    private sealed class NumberingModule : IJournalModule
    {
        public const string ModuleName = "numbering";
        public const string Kind = "numbered";

        public int Calls { get; private set; }

        public string Name => ModuleName;

        public IReadOnlyList<string> Migrations(JournalEngine engine) =>
        [
            "CREATE TABLE {schema}.numbers (message_id text PRIMARY KEY, number bigint NOT NULL)",
            engine == JournalEngine.Sqlite
                ? "CREATE INDEX {schema}.ix_numbers_number ON numbers (number)"
                : "CREATE INDEX ix_numbers_number ON {schema}.numbers (number)",
        ];

        public bool Handles(string kind) => kind == Kind;

        public async ValueTask OnAppendingAsync(JournalSession session, IList<NewMessage> messages, CancellationToken cancellationToken)
        {
            Calls++;
            long last;
            await using (var max = session.Command($"SELECT COALESCE(MAX(number), 0) FROM {session.Table("numbers")}"))
            {
                last = Convert.ToInt64(await max.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
            }

            for (var i = 0; i < messages.Count; i++)
            {
                if (messages[i].Kind != Kind)
                {
                    continue;
                }

                if (messages[i].Payload.Span.SequenceEqual("fail"u8))
                {
                    throw new InvalidOperationException("The module cannot store this message.");
                }

                var number = ++last;
                await using var insert = session.Command(
                    $"INSERT INTO {session.Table("numbers")} (message_id, number) VALUES (@p0, @p1)", messages[i].Id.ToString(), number);
                await insert.ExecuteNonQueryAsync(cancellationToken);
                messages[i] = messages[i] with { Payload = Encoding.UTF8.GetBytes($"{{\"number\":{number}}}"), Assigned = number };
            }
        }
    }
}
