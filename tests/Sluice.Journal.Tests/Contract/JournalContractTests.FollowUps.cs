using System.Text;
using static Sluice.Journal.Tests.Contract.Messages;

namespace Sluice.Journal.Tests.Contract;

/// <summary>
/// Messages an outcome leads to (a callback carrying the reply) are stored in the transaction that records it: they
/// exist exactly when the outcome committed, and once however often the outcome is recorded.
/// </summary>
public abstract partial class JournalContractTests
{
    /// <summary>A callback as the host builds one: keyed by the finished message, so a repeat is recognised.</summary>
    private static NewMessage FollowUp(Guid finished, string outcome = "delivered", Guid? id = null) =>
        new(id ?? Guid.CreateVersion7(T0), "callback", Encoding.UTF8.GetBytes($"{{\"messageId\":\"{finished}\"}}"), "application/json",
            ["callbacks"], T0)
        {
            Metadata = new Dictionary<string, string> { ["webhook.url"] = "http://127.0.0.1:9/hooks" },
            Idempotency = new IdempotencyClaim("callback", $"{finished:N}/legacy/{outcome}", [1]),
        };

    private async Task<IReadOnlyList<LeasedDelivery>> FollowUpsDue() => await Lease("callbacks", now: T0.AddDays(1));

    [Fact]
    public async Task Follow_up_is_stored_with_the_outcome_that_finishes_the_delivery()
    {
        var message = New();
        await Append(message);
        var followUp = FollowUp(message.Id);

        await Complete(DeliveryOutcome.Delivered(Assert.Single(await Lease()), T0, Answer()) with { FollowUps = [followUp] });

        var stored = await Journal.GetMessageAsync(followUp.Id, CancellationToken.None);
        Assert.NotNull(stored);
        Assert.Equal("callback", stored.Kind);
        Assert.Equal("http://127.0.0.1:9/hooks", stored.Metadata["webhook.url"]);
        Assert.Equal(DeliveryState.Pending, Assert.Single(stored.Deliveries).State);
        Assert.Equal(DeliveryState.Delivered, (await Journal.GetMessageAsync(message.Id, CancellationToken.None))!.Deliveries[0].State);
        var due = Assert.Single(await FollowUpsDue());
        Assert.Equal(followUp.Payload.ToArray(), due.Payload.ToArray());
    }

    [Fact]
    public async Task Dead_letter_stores_its_follow_up_too()
    {
        var message = New();
        await Append(message);

        await Complete(DeliveryOutcome.DeadLetter(Assert.Single(await Lease()), T0, "refused", Answer(422)) with { FollowUps = [FollowUp(message.Id, "dead-letter")] });

        Assert.Single(await FollowUpsDue());
    }

    [Fact]
    public async Task Outcome_that_finishes_nothing_stores_no_follow_up()
    {
        await Append(New());
        var stale = Assert.Single(await Lease());
        var current = Assert.Single(await Lease(now: T0 + LeaseFor + TimeSpan.FromSeconds(1)));

        // The lease was lost, then the delivery is only retried: neither finishes it.
        await Complete(DeliveryOutcome.DeadLetter(stale, T0, "refused") with { FollowUps = [FollowUp(stale.MessageId, "dead-letter")] });
        await Complete(DeliveryOutcome.Retry(current, T0, T0.AddSeconds(5), "HTTP 503") with { FollowUps = [FollowUp(current.MessageId)] });

        Assert.Empty(await FollowUpsDue());
    }

    [Fact]
    public async Task Completing_twice_stores_one_follow_up()
    {
        var message = New();
        await Append(message);
        var lease = Assert.Single(await Lease());
        var outcome = DeliveryOutcome.Delivered(lease, T0, Answer()) with { FollowUps = [FollowUp(message.Id)] };

        // The recorder retrying a commit that did in fact go through, and the same outcome twice in one batch.
        await Complete(outcome);
        await Complete(outcome);
        await Complete(outcome, outcome);

        Assert.Single(await FollowUpsDue());
    }

    [Fact]
    public async Task Redelivered_message_stores_one_follow_up()
    {
        var message = New();
        await Append(message);
        var first = Assert.Single(await Lease());
        var second = Assert.Single(await Lease(now: T0 + LeaseFor + TimeSpan.FromSeconds(1)));

        // The lease expired mid-send and the message went out again: both sends succeed, each builds its own callback,
        // in one batch and in two.
        await Complete(
            DeliveryOutcome.Delivered(first, T0, Answer(200)) with { FollowUps = [FollowUp(message.Id)] },
            DeliveryOutcome.Delivered(second, T0, Answer(201)) with { FollowUps = [FollowUp(message.Id)] });
        await Complete(DeliveryOutcome.Delivered(second, T0.AddSeconds(1), Answer(202)) with { FollowUps = [FollowUp(message.Id)] });

        Assert.Single(await FollowUpsDue());
        Assert.InRange((await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None))!.Status, 200, 201);
    }

    [Fact]
    public async Task Follow_up_under_a_key_already_taken_is_not_stored_again()
    {
        var first = New();
        var second = New();
        await Append(first, second);
        var leases = await Lease();

        // A replayed dead letter calls back again only under a new key (the host's keys name the outcome).
        await Complete(DeliveryOutcome.Delivered(leases[0], T0) with { FollowUps = [FollowUp(first.Id)] });
        await Complete(DeliveryOutcome.Delivered(leases[1], T0) with { FollowUps = [FollowUp(first.Id), FollowUp(second.Id)] });

        Assert.Equal(2, (await FollowUpsDue()).Count);
    }

    [Fact]
    public async Task Outcome_whose_follow_up_cannot_be_stored_is_not_recorded_either()
    {
        var message = New();
        await Append(message);
        var lease = Assert.Single(await Lease());
        var id = Guid.CreateVersion7(T0);
        var broken = FollowUp(message.Id, id: id) with { Idempotency = null };

        // Two follow-ups with one id: the second insert fails, and the whole transaction with it.
        await Assert.ThrowsAnyAsync<Exception>(() => Complete(DeliveryOutcome.Delivered(lease, T0, Answer()) with { FollowUps = [broken, broken] }));

        Assert.Null(await Journal.GetMessageAsync(id, CancellationToken.None));
        Assert.Null(await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None));
        Assert.Equal(DeliveryState.InFlight, (await Journal.GetMessageAsync(message.Id, CancellationToken.None))!.Deliveries[0].State);

        // Recorded again, it commits with its follow-up.
        await Complete(DeliveryOutcome.Delivered(lease, T0, Answer()) with { FollowUps = [FollowUp(message.Id)] });
        Assert.Single(await FollowUpsDue());
        Assert.NotNull(await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None));
    }
}
