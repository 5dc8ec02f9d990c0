using Microsoft.Extensions.Configuration;
using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>Sends one message to one destination and says how it went. Knows nothing of retries or leases.</summary>
public interface IDeliverySink
{
    ValueTask<SendResult> SendAsync(LeasedDelivery delivery, CancellationToken cancellationToken);
}

/// <summary>Makes the sink for a destination whose <c>Sink</c> setting names this factory's kind.</summary>
public interface IDeliverySinkFactory
{
    /// <summary>The value of a destination's <c>Sink</c> setting that selects this factory.</summary>
    string Kind { get; }

    /// <param name="destination">The destination's name.</param>
    /// <param name="section">The destination's configuration section, for the sink's own settings.</param>
    IDeliverySink Create(string destination, IConfigurationSection section);

    /// <summary>Whether its sinks implement <see cref="IBatchDeliverySink"/>, so a destination may set <c>Batch:Size</c> above 1.</summary>
    bool SendsBatches => false;
}

/// <summary>A sink that can send several messages in one request.</summary>
public interface IBatchDeliverySink : IDeliverySink
{
    /// <returns>One result per delivery, in the same order: per item when the destination says, else the request's for all.</returns>
    ValueTask<IReadOnlyList<SendResult>> SendBatchAsync(IReadOnlyList<LeasedDelivery> deliveries, CancellationToken cancellationToken);
}

public enum SendStatus
{
    Delivered,

    /// <summary>May succeed later: timeouts, connection errors, 408, 429, 5xx.</summary>
    Transient,

    /// <summary>Will never succeed as sent: the message is dead-lettered at once.</summary>
    Permanent,
}

/// <param name="RetryAfter">What the destination asked for (e.g. HTTP <c>Retry-After</c>).</param>
/// <param name="Overloaded">The destination said it is over capacity (e.g. 429, 503): an adaptive limit backs off.</param>
public sealed record SendResult(SendStatus Status, string? Error = null, TimeSpan? RetryAfter = null, bool Overloaded = false)
{
    /// <summary>What the destination answered, when the sink keeps answers; stored if the send finishes the delivery.</summary>
    public DeliveryReply? Reply { get; init; }

    public static readonly SendResult Success = new(SendStatus.Delivered);

    public static SendResult Transient(string error, TimeSpan? retryAfter = null, bool overloaded = false) =>
        new(SendStatus.Transient, error, retryAfter, overloaded || retryAfter is not null);

    public static SendResult Permanent(string error) => new(SendStatus.Permanent, error);
}
