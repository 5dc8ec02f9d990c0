using Microsoft.Extensions.Logging;
using Sluice.Journal;

namespace Sluice.Delivery.Engine;

/// <summary>
/// Writes one destination's outcomes back to the journal through the <see cref="OutcomeRecorder"/>: delivered, retry at,
/// dead letter, or released; counts each send's outcome and logs a dead letter.
/// </summary>
internal sealed partial class OutcomeWriter(string destination, OutcomeRecorder recorder, ILogger logger)
{
    /// <summary>Records the outcome of each message of a request that was sent (or was refused a send).</summary>
    public void Record(IReadOnlyList<LeasedDelivery> leases, IReadOnlyList<DeliveryOutcome> outcomes)
    {
        for (var i = 0; i < leases.Count; i++)
        {
            var (lease, outcome) = (leases[i], outcomes[i]);
            recorder.Record(lease, outcome);
            DeliveryMetrics.Sent.Add(1,
                new KeyValuePair<string, object?>("destination", destination),
                new KeyValuePair<string, object?>("outcome", OutcomeName(outcome.Kind)));
            if (outcome.Kind == OutcomeKind.DeadLetter)
            {
                LogDeadLettered(destination, lease.MessageId, outcome.Error);
            }
        }
    }

    /// <summary>Gives back leases that were never sent, without counting an attempt.</summary>
    public void Release(IEnumerable<LeasedDelivery> leases, DateTimeOffset now, string reason)
    {
        foreach (var lease in leases)
        {
            recorder.Record(DeliveryOutcome.Release(lease, now, now, reason));
        }
    }

    internal static string OutcomeName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Delivered => "delivered",
        OutcomeKind.Retry => "retry",
        OutcomeKind.DeadLetter => "dead_letter",
        _ => "released",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message {MessageId} to {Destination} was dead-lettered: {Error}")]
    private partial void LogDeadLettered(string destination, Guid messageId, string? error);
}
