using System.Text;
using static Sluice.Journal.Tests.Contract.Messages;

namespace Sluice.Journal.Tests.Contract;

/// <summary>The destination's answer kept per delivery, read back as it came, and gone with its message.</summary>
public abstract partial class JournalContractTests
{
    private static DeliveryReply Answer(int status = 201, string body = "{\"receipt\":\"R-1\"}", bool truncated = false) =>
        new(status, new Dictionary<string, string> { ["X-Receipt"] = "R-1" }, "application/json", Encoding.UTF8.GetBytes(body), truncated);

    [Fact]
    public async Task Reply_of_a_delivered_message_is_kept_as_sent()
    {
        var message = New(["legacy", "reporting"]);
        await Append(message);
        var lease = Assert.Single(await Lease());

        await Complete(DeliveryOutcome.Delivered(lease, T0, Answer()));

        var reply = await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None);
        Assert.NotNull(reply);
        Assert.Equal(201, reply.Status);
        Assert.Equal("R-1", reply.Headers["X-Receipt"]);
        Assert.Equal("application/json", reply.ContentType);
        Assert.Equal("{\"receipt\":\"R-1\"}", Encoding.UTF8.GetString(reply.Body.Span));
        Assert.False(reply.Truncated);
        Assert.Null(await Journal.GetReplyAsync(message.Id, "reporting", CancellationToken.None));
    }

    [Fact]
    public async Task Truncated_reply_stays_marked()
    {
        var message = New();
        await Append(message);

        await Complete(DeliveryOutcome.Delivered(Assert.Single(await Lease()), T0, Answer(body: "{\"rece", truncated: true)));

        var reply = await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None);
        Assert.True(reply!.Truncated);
        Assert.Equal("{\"rece", Encoding.UTF8.GetString(reply.Body.Span));
    }

    [Fact]
    public async Task Dead_letter_keeps_the_refusal_it_got()
    {
        var message = New();
        await Append(message);

        await Complete(DeliveryOutcome.DeadLetter(Assert.Single(await Lease()), T0, "refused", Answer(422, "{\"error\":\"unknown employee\"}")));

        var reply = await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None);
        Assert.Equal(422, reply!.Status);
        Assert.Equal("{\"error\":\"unknown employee\"}", Encoding.UTF8.GetString(reply.Body.Span));
    }

    [Fact]
    public async Task Reply_of_an_outcome_whose_lease_was_lost_is_not_kept()
    {
        var message = New();
        await Append(message);
        var stale = Assert.Single(await Lease());
        var current = Assert.Single(await Lease(now: T0 + LeaseFor + TimeSpan.FromSeconds(1)));

        await Complete(DeliveryOutcome.DeadLetter(stale, T0, "refused", Answer(422)));
        await Complete(DeliveryOutcome.Delivered(current, T0 + LeaseFor, Answer(200)));

        Assert.Equal(200, (await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None))!.Status);
    }

    [Fact]
    public async Task Reply_survives_reopening_the_journal()
    {
        var message = New();
        await Append(message);
        await Complete(DeliveryOutcome.Delivered(Assert.Single(await Lease()), T0, Answer()));

        await using var reopened = (IAsyncDisposable)await CreateJournalAsync();

        var reply = await ((IJournal)reopened).GetReplyAsync(message.Id, "legacy", CancellationToken.None);
        Assert.Equal(201, reply!.Status);
        Assert.Equal("{\"receipt\":\"R-1\"}", Encoding.UTF8.GetString(reply.Body.Span));
    }

    [Fact]
    public async Task Reply_is_pruned_with_its_message()
    {
        var message = New(receivedAt: T0.AddMinutes(-10));
        await Append(message);
        await Complete(DeliveryOutcome.Delivered(Assert.Single(await Lease()), T0.AddMinutes(-5), Answer()));

        Assert.Equal(1, await Journal.PruneAsync(T0, 10, CancellationToken.None));

        Assert.Null(await Journal.GetReplyAsync(message.Id, "legacy", CancellationToken.None));
        // A new message may take the pruned one's place in the table (SQLite reuses the highest sequence):
        // it must not inherit the old answer.
        var next = New();
        await Append(next);
        await Complete(DeliveryOutcome.Delivered(Assert.Single(await Lease()), T0));
        Assert.Null(await Journal.GetReplyAsync(next.Id, "legacy", CancellationToken.None));
    }
}
