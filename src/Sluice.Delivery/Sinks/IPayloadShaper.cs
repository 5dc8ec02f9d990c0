using Sluice.Journal;

namespace Sluice.Delivery.Sinks;

/// <summary>
/// Rewrites a message's body just before an HTTP sink sends it: the journal keeps the message as it was stored,
/// and a legacy system gets the shape it expects (field names, which fields). Features register their own.
/// </summary>
public interface IPayloadShaper
{
    /// <returns>The body to send, or null to send the stored one unchanged.</returns>
    ReadOnlyMemory<byte>? Shape(LeasedDelivery delivery);
}
