using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Messages a finished delivery leads to, e.g. a callback carrying the destination's answer. They are stored with the
/// outcome, in its transaction (<see cref="DeliveryOutcome.FollowUps"/>): a crash keeps both or neither.
/// </summary>
public interface IOutcomeFollowUps
{
    /// <summary>Called for each delivered or dead-lettered outcome before it is recorded; none is the common answer.</summary>
    /// <remarks>Runs on the delivery path: build the messages, never wait on anything.</remarks>
    IReadOnlyList<NewMessage> For(LeasedDelivery lease, DeliveryOutcome outcome);
}
