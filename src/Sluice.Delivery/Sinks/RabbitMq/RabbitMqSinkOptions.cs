using System.ComponentModel.DataAnnotations;

namespace Sluice.Delivery.Sinks.RabbitMq;

/// <summary>A <c>rabbitmq</c> destination, read from the destination's own section.</summary>
public sealed class RabbitMqSinkOptions
{
    /// <summary>The broker, e.g. <c>amqp://user:pass@host:5672/vhost</c>; unset: <c>ConnectionStrings:&lt;destination&gt;</c>.</summary>
    public string? Uri { get; set; }

    /// <summary>Topic exchange the events go to; declared durable when missing.</summary>
    [Required]
    [MinLength(1)]
    public string Exchange { get; set; } = "sluice.events";

    /// <summary>The CloudEvents <c>source</c> attribute: who produced the event.</summary>
    [Required]
    [MinLength(1)]
    public string Source { get; set; } = "urn:sluice";

    /// <summary>Message kind to CloudEvents <c>type</c>, which is also the routing key. Settings add to or replace the defaults.</summary>
    public Dictionary<string, string> EventTypes { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["punch"] = "punch.recorded",
        ["order"] = "order.accepted",
    };

    /// <summary>Publish as mandatory: an event no queue is bound to comes back and is retried, rather than dropped.</summary>
    public bool Mandatory { get; set; } = true;

    /// <summary>
    /// <c>publish</c> (default): one-way events. <c>rpc</c>: each event asks for an answer (<c>reply_to</c>,
    /// <c>correlation_id</c>); the send counts as delivered when it comes within the destination's <c>Timeout</c>,
    /// and is kept as the message's reply. No answer in time is a failed attempt, retried like any other.
    /// </summary>
    public string Mode { get; set; } = "publish";

    public bool IsRpc => string.Equals(Mode, "rpc", StringComparison.OrdinalIgnoreCase);

    /// <summary>What of an answer is kept (RPC): body cap and the AMQP headers listed.</summary>
    public Engine.ReplyOptions Reply { get; set; } = new();

    /// <summary>How often a lost connection is tried again.</summary>
    public TimeSpan RecoveryInterval { get; set; } = TimeSpan.FromSeconds(2);
}
