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
public sealed record SendResult(SendStatus Status, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static readonly SendResult Success = new(SendStatus.Delivered);

    public static SendResult Transient(string error, TimeSpan? retryAfter = null) => new(SendStatus.Transient, error, retryAfter);

    public static SendResult Permanent(string error) => new(SendStatus.Permanent, error);
}
