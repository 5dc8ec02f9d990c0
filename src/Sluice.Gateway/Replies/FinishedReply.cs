using Sluice.Journal;

namespace Sluice.Replies;

/// <summary>A delivery that is over, and what the destination said: the answer a waiting or polling client gets.</summary>
/// <param name="Delivered">Delivered; otherwise dead-lettered.</param>
/// <param name="Reply">The kept answer, if the sink keeps answers.</param>
/// <param name="LastError">Why a dead letter failed.</param>
internal sealed record FinishedReply(Guid MessageId, string Destination, bool Delivered, DeliveryReply? Reply, string? LastError);
