using System.Text;
using Sluice.Journal.Modules;
using static Sluice.Journal.Tests.Contract.Messages;

namespace Sluice.Journal.Tests.Contract;

/// <summary>
/// What every journal engine must do, proven once per engine: each engine's test class derives from
/// this one and only says how to make an empty journal.
/// </summary>
public abstract partial class JournalContractTests : IAsyncLifetime
{
    private static readonly TimeSpan LeaseFor = TimeSpan.FromSeconds(30);

    protected IJournal Journal { get; private set; } = null!;

    /// <summary>
    /// An initialised journal of the engine under test with the given modules: on a new, empty database the first
    /// time a test asks, on that same database after.
    /// </summary>
    protected abstract Task<IJournal> CreateJournalAsync(params IJournalModule[] modules);

    public async Task InitializeAsync() => Journal = await CreateJournalAsync();

    public virtual Task DisposeAsync() => (Journal as IAsyncDisposable)?.DisposeAsync().AsTask() ?? Task.CompletedTask;

    private Task<IReadOnlyList<LeasedDelivery>> Lease(string destination = "legacy", int max = 100, DateTimeOffset? now = null, TimeSpan? duration = null) =>
        Journal.LeaseAsync(new LeaseRequest(destination, max, "test-node", now ?? T0, duration ?? LeaseFor), CancellationToken.None);

    private Task<IReadOnlyList<AppendResult>> Append(params NewMessage[] messages) => Journal.AppendAsync(messages, CancellationToken.None);

    private Task Complete(params DeliveryOutcome[] outcomes) => Journal.CompleteAsync(outcomes, CancellationToken.None);

    private async Task<DestinationStats> Stats(string destination = "legacy") =>
        (await Journal.GetStatsAsync(CancellationToken.None)).Single(s => s.Destination == destination);

    [Fact]
    public async Task Appended_message_is_stored_with_a_pending_delivery_per_destination()
    {
        var message = New(["legacy", "reporting"], metadata: new Dictionary<string, string> { ["http.method"] = "PUT" });

        var results = await Append(message);

        Assert.Equal(AppendOutcome.Stored, Assert.Single(results).Outcome);
        var stored = await Journal.GetMessageAsync(message.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("punch", stored.Kind);
        Assert.Equal(T0, stored.ReceivedAt);
        Assert.Equal(message.Payload.ToArray(), stored.Payload.ToArray());
        Assert.Equal("PUT", stored.Metadata["http.method"]);
        Assert.Equal(["legacy", "reporting"], stored.Deliveries.Select(d => d.Destination).Order());
        Assert.All(stored.Deliveries, d => Assert.Equal(DeliveryState.Pending, d.State));
    }

    [Fact]
    public async Task Unknown_message_is_not_found()
    {
        Assert.Null(await Journal.GetMessageAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Same_idempotency_key_and_request_returns_the_original_and_stores_nothing_new()
    {
        var first = New(claim: Claim("k1"));
        await Append(first);

        var again = Assert.Single(await Append(New(receivedAt: T0.AddSeconds(5), claim: Claim("k1"))));

        Assert.Equal(AppendOutcome.Duplicate, again.Outcome);
        Assert.Equal(first.Id, again.MessageId);
        Assert.Equal(T0, again.ReceivedAt);
        Assert.Equal(1, (await Stats()).Pending);
    }

    [Fact]
    public async Task Same_idempotency_key_with_another_request_is_a_conflict_and_stores_nothing()
    {
        var first = New(claim: Claim("k1", "hash-a"));
        await Append(first);

        var conflict = Assert.Single(await Append(New(claim: Claim("k1", "hash-b"))));

        Assert.Equal(AppendOutcome.IdempotencyConflict, conflict.Outcome);
        Assert.Equal(first.Id, conflict.MessageId);
        Assert.Equal(1, (await Stats()).Pending);
    }

    [Fact]
    public async Task A_repeat_inside_the_same_batch_is_recognised()
    {
        var first = New(claim: Claim("k2"));

        var results = await Append(first, New(claim: Claim("k2")), New(claim: Claim("k2", "other")));

        Assert.Equal([AppendOutcome.Stored, AppendOutcome.Duplicate, AppendOutcome.IdempotencyConflict], results.Select(r => r.Outcome));
        Assert.All(results, r => Assert.Equal(first.Id, r.MessageId));
    }

    [Fact]
    public async Task Repeats_inside_a_batch_of_a_key_claimed_before_all_answer_the_original()
    {
        var original = New(claim: Claim("k3"));
        await Append(original);

        var results = await Append(New(claim: Claim("k3")), New(claim: Claim("k3", "other")));

        Assert.Equal([AppendOutcome.Duplicate, AppendOutcome.IdempotencyConflict], results.Select(r => r.Outcome));
        Assert.All(results, r => Assert.Equal(original.Id, r.MessageId));
        Assert.Equal(1, (await Stats()).Pending);
    }

    [Fact]
    public async Task Idempotency_keys_are_scoped()
    {
        await Append(New(claim: new IdempotencyClaim("punches", "k", [1])));

        var other = Assert.Single(await Append(New(claim: new IdempotencyClaim("orders", "k", [2]))));

        Assert.Equal(AppendOutcome.Stored, other.Outcome);
    }

    [Fact]
    public async Task Lease_returns_due_deliveries_oldest_first_and_marks_them_in_flight()
    {
        var older = New(receivedAt: T0.AddSeconds(-2));
        var newer = New(receivedAt: T0.AddSeconds(-1));
        var future = New(receivedAt: T0.AddMinutes(1));
        await Append(newer, older, future);

        var leased = await Lease();

        Assert.Equal([older.Id, newer.Id], leased.Select(l => l.MessageId));
        Assert.All(leased, l => Assert.Equal(1, l.Attempt));
        Assert.All(leased, l => Assert.Equal(T0 + LeaseFor, l.LeasedUntil));
        Assert.Equal(older.Payload.ToArray(), leased[0].Payload.ToArray());
        var stats = await Stats();
        Assert.Equal(2, stats.InFlight);
        Assert.Equal(1, stats.Pending);
    }

    [Fact]
    public async Task Stats_name_the_oldest_waiting_message_and_the_lease_holders()
    {
        await Append(New(), New(receivedAt: T0.AddMinutes(1)), New(receivedAt: T0.AddMinutes(2)));
        var first = Assert.Single(await Lease(max: 1));

        var waiting = await Stats();
        Assert.Equal(T0, waiting.OldestWaitingAt);
        Assert.Equal(["test-node"], waiting.LeaseOwners);

        await Complete(DeliveryOutcome.Delivered(first, T0.AddMinutes(3)));
        var after = await Stats();
        Assert.Equal(T0.AddMinutes(1), after.OldestWaitingAt);
        Assert.Empty(after.LeaseOwners);

        foreach (var lease in await Lease(now: T0.AddMinutes(3)))
        {
            await Complete(DeliveryOutcome.Delivered(lease, T0.AddMinutes(4)));
        }

        Assert.Null((await Stats()).OldestWaitingAt);
    }

    [Fact]
    public async Task Lease_respects_the_maximum_count()
    {
        await Append(New(), New(), New());

        Assert.Equal(2, (await Lease(max: 2)).Count);
        Assert.Single(await Lease(max: 2));
    }

    [Fact]
    public async Task In_flight_work_is_not_leased_twice_until_its_lease_expires()
    {
        var message = New();
        await Append(message);
        await Lease(duration: TimeSpan.FromSeconds(10));

        Assert.Empty(await Lease(now: T0.AddSeconds(9)));

        var retaken = Assert.Single(await Lease(now: T0.AddSeconds(10)));
        Assert.Equal(message.Id, retaken.MessageId);
        Assert.Equal(2, retaken.Attempt);
    }

    [Fact]
    public async Task Delivered_is_final_and_counted()
    {
        await Append(New());
        var lease = Assert.Single(await Lease());

        await Complete(DeliveryOutcome.Delivered(lease, T0.AddSeconds(1)));

        Assert.Empty(await Lease(now: T0.AddHours(1)));
        var stats = await Stats();
        Assert.Equal((0, 0, 1), (stats.Pending, stats.InFlight, stats.Delivered));
        var record = await Journal.GetMessageAsync(lease.MessageId, CancellationToken.None);
        var delivery = Assert.Single(record!.Deliveries);
        Assert.Equal(DeliveryState.Delivered, delivery.State);
        Assert.Equal(T0.AddSeconds(1), delivery.CompletedAt);
    }

    [Fact]
    public async Task Retry_waits_until_it_is_due_and_keeps_the_error()
    {
        await Append(New());
        var lease = Assert.Single(await Lease());

        await Complete(DeliveryOutcome.Retry(lease, T0, T0.AddSeconds(30), "HTTP 503"));

        Assert.Empty(await Lease(now: T0.AddSeconds(29)));
        var stats = await Stats();
        Assert.Equal((1, 1), (stats.Pending, stats.Retrying));
        var record = Assert.Single((await Journal.GetMessageAsync(lease.MessageId, CancellationToken.None))!.Deliveries);
        Assert.Equal(("HTTP 503", 1, T0.AddSeconds(30)), (record.LastError, record.Attempts, record.NextAttemptAt));
        var again = Assert.Single(await Lease(now: T0.AddSeconds(30)));
        Assert.Equal(2, again.Attempt);
    }

    [Fact]
    public async Task Release_gives_work_back_without_counting_the_attempt()
    {
        await Append(New());
        var lease = Assert.Single(await Lease());

        await Complete(DeliveryOutcome.Release(lease, T0, T0.AddSeconds(5), "circuit open"));

        Assert.Empty(await Lease(now: T0.AddSeconds(4)));
        Assert.Equal(1, Assert.Single(await Lease(now: T0.AddSeconds(5))).Attempt);
    }

    [Fact]
    public async Task An_outcome_from_an_expired_lease_does_not_undo_the_new_lease()
    {
        await Append(New());
        var stale = Assert.Single(await Lease(duration: TimeSpan.FromSeconds(1)));
        var current = Assert.Single(await Lease(now: T0.AddSeconds(2)));

        await Complete(DeliveryOutcome.Retry(stale, T0.AddSeconds(3), T0.AddSeconds(3), "late failure"));

        Assert.Equal(1, (await Stats()).InFlight);
        await Complete(DeliveryOutcome.Delivered(current, T0.AddSeconds(4)));
        Assert.Equal(1, (await Stats()).Delivered);
    }

    [Fact]
    public async Task A_late_success_from_an_expired_lease_still_counts_as_delivered()
    {
        await Append(New());
        var stale = Assert.Single(await Lease(duration: TimeSpan.FromSeconds(1)));
        Assert.Single(await Lease(now: T0.AddSeconds(2)));

        await Complete(DeliveryOutcome.Delivered(stale, T0.AddSeconds(3)));

        var stats = await Stats();
        Assert.Equal((0, 1), (stats.InFlight, stats.Delivered));
    }

    [Fact]
    public async Task Dead_letters_are_listed_with_their_error_and_never_leased()
    {
        await Append(New());
        var lease = Assert.Single(await Lease());

        await Complete(DeliveryOutcome.DeadLetter(lease, T0.AddSeconds(1), "HTTP 400 Bad Request"));

        Assert.Empty(await Lease(now: T0.AddDays(1)));
        var letter = Assert.Single(await Journal.GetDeadLettersAsync(new DeadLetterQuery(), CancellationToken.None));
        Assert.Equal((lease.MessageId, "legacy", "HTTP 400 Bad Request", 1), (letter.MessageId, letter.Destination, letter.LastError, letter.Attempts));
        Assert.Equal(1, (await Stats()).Dead);
    }

    [Fact]
    public async Task Replay_makes_a_dead_letter_due_once_with_a_fresh_attempt_count()
    {
        await Append(New());
        var lease = Assert.Single(await Lease());
        await Complete(DeliveryOutcome.DeadLetter(lease, T0, "refused"));

        var replayed = await Journal.ReplayAsync(new DeadLetterFilter([lease.MessageId]), T0.AddMinutes(1), CancellationToken.None);

        Assert.Equal(1, replayed);
        Assert.Empty(await Journal.GetDeadLettersAsync(new DeadLetterQuery(), CancellationToken.None));
        var again = Assert.Single(await Lease(now: T0.AddMinutes(1)));
        Assert.Equal(1, again.Attempt);
        Assert.Equal(0, await Journal.ReplayAsync(new DeadLetterFilter([lease.MessageId]), T0.AddMinutes(2), CancellationToken.None));
    }

    [Fact]
    public async Task Replay_by_destination_touches_only_that_destination()
    {
        var message = New(["legacy", "reporting"]);
        await Append(message);
        foreach (var destination in new[] { "legacy", "reporting" })
        {
            var lease = Assert.Single(await Lease(destination));
            await Complete(DeliveryOutcome.DeadLetter(lease, T0, "refused"));
        }

        Assert.Equal(1, await Journal.ReplayAsync(new DeadLetterFilter(Destination: "reporting"), T0, CancellationToken.None));

        Assert.Equal(1, (await Stats("legacy")).Dead);
        Assert.Equal(1, (await Stats("reporting")).Pending);
    }

    [Fact]
    public async Task An_empty_filter_replays_and_discards_nothing()
    {
        await Append(New());
        var lease = Assert.Single(await Lease());
        await Complete(DeliveryOutcome.DeadLetter(lease, T0, "refused"));

        Assert.Equal(0, await Journal.ReplayAsync(new DeadLetterFilter(), T0, CancellationToken.None));
        Assert.Equal(0, await Journal.DiscardAsync(new DeadLetterFilter(), T0, CancellationToken.None));
        Assert.Equal(1, (await Stats()).Dead);
    }

    [Fact]
    public async Task Discarded_dead_letter_is_kept_for_audit_but_never_delivered()
    {
        await Append(New());
        var lease = Assert.Single(await Lease());
        await Complete(DeliveryOutcome.DeadLetter(lease, T0, "refused"));

        Assert.Equal(1, await Journal.DiscardAsync(new DeadLetterFilter([lease.MessageId]), T0, CancellationToken.None));

        Assert.Empty(await Journal.GetDeadLettersAsync(new DeadLetterQuery(), CancellationToken.None));
        Assert.Equal(0, await Journal.ReplayAsync(new DeadLetterFilter([lease.MessageId]), T0, CancellationToken.None));
        Assert.Empty(await Lease(now: T0.AddDays(1)));
        Assert.Equal(1, (await Stats()).Discarded);
        Assert.Equal(DeliveryState.Discarded,
            Assert.Single((await Journal.GetMessageAsync(lease.MessageId, CancellationToken.None))!.Deliveries).State);
    }

    [Fact]
    public async Task Dead_letters_page_by_cursor_and_filter_by_destination()
    {
        for (var i = 0; i < 5; i++)
        {
            await Append(New(["legacy", "reporting"], receivedAt: T0.AddSeconds(-10 + i)));
        }

        foreach (var destination in new[] { "legacy", "reporting" })
        {
            foreach (var lease in await Lease(destination))
            {
                await Complete(DeliveryOutcome.DeadLetter(lease, T0, "refused"));
            }
        }

        var first = await Journal.GetDeadLettersAsync(new DeadLetterQuery("legacy", Limit: 3), CancellationToken.None);
        var rest = await Journal.GetDeadLettersAsync(new DeadLetterQuery("legacy", first[^1].Cursor, 3), CancellationToken.None);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, rest.Count);
        Assert.All(first.Concat(rest), l => Assert.Equal("legacy", l.Destination));
        Assert.Equal(5, first.Concat(rest).Select(l => l.MessageId).Distinct().Count());
        Assert.Equal(10, (await Journal.GetDeadLettersAsync(new DeadLetterQuery(Limit: 100), CancellationToken.None)).Count);
    }

    [Fact]
    public async Task Same_ordering_key_is_leased_one_at_a_time_in_arrival_order()
    {
        var a1 = New(receivedAt: T0.AddSeconds(-3), orderingKey: "emp-1");
        var a2 = New(receivedAt: T0.AddSeconds(-2), orderingKey: "emp-1");
        var b1 = New(receivedAt: T0.AddSeconds(-1), orderingKey: "emp-2");
        await Append(a1, a2, b1);

        var first = await Lease();
        Assert.Equal([a1.Id, b1.Id], first.Select(l => l.MessageId));
        Assert.Empty(await Lease());

        // A retry keeps its place at the head: the next message waits for it.
        await Complete(DeliveryOutcome.Retry(first[0], T0, T0.AddSeconds(5), "busy"));
        Assert.Empty(await Lease(now: T0.AddSeconds(1)));
        var retried = Assert.Single(await Lease(now: T0.AddSeconds(5)));
        Assert.Equal(a1.Id, retried.MessageId);

        await Complete(DeliveryOutcome.Delivered(retried, T0.AddSeconds(6)));
        Assert.Equal(a2.Id, Assert.Single(await Lease(now: T0.AddSeconds(6))).MessageId);
    }

    [Fact]
    public async Task A_dead_head_lets_the_key_move_on_and_replayed_letters_keep_their_order()
    {
        var a1 = New(receivedAt: T0.AddSeconds(-3), orderingKey: "emp-1");
        var a2 = New(receivedAt: T0.AddSeconds(-2), orderingKey: "emp-1");
        var a3 = New(receivedAt: T0.AddSeconds(-1), orderingKey: "emp-1");
        await Append(a1, a2, a3);
        await Complete(DeliveryOutcome.DeadLetter(Assert.Single(await Lease()), T0, "refused"));
        await Complete(DeliveryOutcome.DeadLetter(Assert.Single(await Lease()), T0, "refused"));
        var third = Assert.Single(await Lease());
        Assert.Equal(a3.Id, third.MessageId);

        // Both dead letters come back while a3 is still in flight: they wait behind it, then go oldest first.
        Assert.Equal(2, await Journal.ReplayAsync(new DeadLetterFilter(Destination: "legacy"), T0, CancellationToken.None));
        Assert.Empty(await Lease());
        await Complete(DeliveryOutcome.Delivered(third, T0));
        var replayed1 = Assert.Single(await Lease());
        Assert.Equal(a1.Id, replayed1.MessageId);
        await Complete(DeliveryOutcome.Delivered(replayed1, T0));
        Assert.Equal(a2.Id, Assert.Single(await Lease()).MessageId);
    }

    [Fact]
    public async Task A_long_queue_behind_one_key_does_not_hold_up_other_keys()
    {
        var hot = Enumerable.Range(0, 500).Select(i => New(receivedAt: T0.AddSeconds(-600 + i), orderingKey: "hot")).ToArray();
        var other = New(receivedAt: T0, orderingKey: "other");
        await Append([.. hot, other]);

        var leased = await Lease(max: 10);

        Assert.Equal([hot[0].Id, other.Id], leased.Select(l => l.MessageId));
    }

    [Fact]
    public async Task Destinations_progress_independently()
    {
        await Append(New(["legacy", "reporting"]));
        var legacy = Assert.Single(await Lease("legacy"));

        await Complete(DeliveryOutcome.Delivered(legacy, T0));

        Assert.Equal(1, (await Stats("legacy")).Delivered);
        Assert.Single(await Lease("reporting"));
    }

    [Fact]
    public async Task Next_due_is_the_earliest_unfinished_delivery()
    {
        Assert.Null(await Journal.GetNextDueAsync("legacy", CancellationToken.None));
        await Append(New(receivedAt: T0.AddSeconds(20)), New(receivedAt: T0.AddSeconds(10)));

        Assert.Equal(T0.AddSeconds(10), await Journal.GetNextDueAsync("legacy", CancellationToken.None));
    }

    [Fact]
    public async Task Initialising_again_keeps_the_data()
    {
        var message = New();
        await Append(message);

        await Journal.InitializeAsync(CancellationToken.None);

        Assert.NotNull(await Journal.GetMessageAsync(message.Id, CancellationToken.None));
    }

    [Fact]
    public async Task Large_batches_commit_whole()
    {
        var batch = Enumerable.Range(0, 2_000).Select(i => New(body: $"{{\"n\":{i}}}")).ToArray();

        var results = await Append(batch);

        Assert.Equal(2_000, results.Count(r => r.Outcome == AppendOutcome.Stored));
        Assert.Equal(2_000, (await Stats()).Pending);
        var stored = await Journal.GetMessageAsync(batch[1234].Id, CancellationToken.None);
        Assert.Equal("{\"n\":1234}", Encoding.UTF8.GetString(stored!.Payload.Span));
    }

    [Fact]
    public async Task Prune_deletes_only_messages_every_destination_finished_before_the_cut_off()
    {
        var everywhere = New(["legacy", "reporting"], receivedAt: T0.AddMinutes(-10), claim: Claim("pruned"));
        var late = New(receivedAt: T0.AddMinutes(-9));
        var dead = New(receivedAt: T0.AddMinutes(-8));
        var halfway = New(["legacy", "reporting"], receivedAt: T0.AddMinutes(-7));
        var pending = New(receivedAt: T0.AddMinutes(-6));
        await Append(everywhere, late, dead, halfway, pending);
        var legacy = (await Lease(max: 4)).ToDictionary(l => l.MessageId);
        var reporting = (await Lease("reporting")).ToDictionary(l => l.MessageId);
        await Complete(
            DeliveryOutcome.Delivered(legacy[everywhere.Id], T0.AddMinutes(-5)),
            DeliveryOutcome.Delivered(reporting[everywhere.Id], T0.AddMinutes(-4)),
            DeliveryOutcome.Delivered(legacy[late.Id], T0.AddMinutes(1)),
            DeliveryOutcome.DeadLetter(legacy[dead.Id], T0.AddMinutes(-5), "refused"),
            DeliveryOutcome.Delivered(legacy[halfway.Id], T0.AddMinutes(-5)));

        var pruned = await Journal.PruneAsync(T0, 100, CancellationToken.None);

        Assert.Equal(1, pruned);
        Assert.Null(await Journal.GetMessageAsync(everywhere.Id, CancellationToken.None));
        foreach (var kept in (NewMessage[])[late, dead, halfway, pending])
        {
            Assert.NotNull(await Journal.GetMessageAsync(kept.Id, CancellationToken.None));
        }

        Assert.Equal(0, (await Stats("reporting")).Delivered);
        // The pruned message's idempotency key is free again.
        Assert.Equal(AppendOutcome.Stored, Assert.Single(await Append(New(claim: Claim("pruned", "h2")))).Outcome);
    }

    [Fact]
    public async Task Prune_works_in_chunks_oldest_first()
    {
        var messages = Enumerable.Range(0, 5).Select(i => New(receivedAt: T0.AddMinutes(-10 + i))).ToArray();
        await Append(messages);
        await Complete([.. (await Lease()).Select(l => DeliveryOutcome.Delivered(l, T0.AddMinutes(-1)))]);

        Assert.Equal(2, await Journal.PruneAsync(T0, 2, CancellationToken.None));
        Assert.Null(await Journal.GetMessageAsync(messages[1].Id, CancellationToken.None));
        Assert.NotNull(await Journal.GetMessageAsync(messages[2].Id, CancellationToken.None));
        Assert.Equal(3, await Journal.PruneAsync(T0, 10, CancellationToken.None));
        Assert.Equal(0, await Journal.PruneAsync(T0, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Probe_write_succeeds_on_a_healthy_journal()
    {
        await Journal.ProbeWriteAsync(CancellationToken.None);
    }
}
