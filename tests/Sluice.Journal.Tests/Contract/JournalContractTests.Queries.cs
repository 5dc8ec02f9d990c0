using static Sluice.Journal.Tests.Contract.Messages;

namespace Sluice.Journal.Tests.Contract;

/// <summary>Reads that serve a page of many messages at once.</summary>
public abstract partial class JournalContractTests
{
    [Fact]
    public async Task Deliveries_of_many_messages_come_back_per_message_as_each_message_reads_them()
    {
        var one = New(destinations: ["legacy", "reporting"]);
        var two = New(destinations: ["legacy"]);
        var unrelated = New();
        await Append(one, two, unrelated);
        var lease = Assert.Single(await Lease(max: 10), l => l.MessageId == two.Id);
        await Complete(DeliveryOutcome.Delivered(lease, T0.AddSeconds(1)));
        var neverStored = Guid.NewGuid();

        var deliveries = await Journal.GetDeliveriesAsync([one.Id, two.Id, neverStored], CancellationToken.None);

        Assert.Equal(new[] { one.Id, two.Id }.Order(), deliveries.Keys.Order());
        foreach (var id in new[] { one.Id, two.Id })
        {
            var alone = await Journal.GetMessageAsync(id, CancellationToken.None);
            Assert.Equal(alone!.Deliveries, deliveries[id]);
        }

        Assert.Equal(DeliveryState.Delivered, Assert.Single(deliveries[two.Id]).State);
        Assert.Empty(await Journal.GetDeliveriesAsync([], CancellationToken.None));
    }
}
