using System.Diagnostics;
using Sluice.Journal;
using Sluice.Journal.Tracing;

namespace Sluice.Delivery.Engine;

/// <summary>
/// One span per send attempt, continuing the trace of the request that stored the message (kept in its metadata), so a
/// punch acknowledged at 08:00 and delivered at 22:00 is one trace. While the span is current, the HTTP client sends
/// its <c>traceparent</c> to the destination.
/// </summary>
public static class DeliveryTracing
{
    public const string SourceName = "Sluice.Delivery";

    internal static readonly ActivitySource Source = new(SourceName);

    /// <summary>Null when nobody listens (tracing off): then nothing is allocated per send.</summary>
    internal static Activity? StartSend(string destination, IReadOnlyList<LeasedDelivery> leases)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // A batch continues its first traced message's trace and links every message's, so each trace shows the send.
        var traced = leases.Select(l => MessageTrace.ContextOf(l.Metadata)).OfType<ActivityContext>().ToList();
        var activity = Source.StartActivity(
            ActivityKind.Client,
            parentContext: traced.Count > 0 ? traced[0] : default,
            links: traced.Count > 1 ? traced.Select(c => new ActivityLink(c)) : null,
            name: $"deliver {destination}");
        if (activity is null)
        {
            return null;
        }

        activity.SetTag("sluice.destination", destination);
        activity.SetTag("sluice.attempt", leases.Max(l => l.Attempt));
        activity.SetTag("sluice.message.count", leases.Count);
        if (leases.Count == 1)
        {
            activity.SetTag("sluice.message.id", leases[0].MessageId.ToString());
            activity.SetTag("sluice.message.kind", leases[0].Kind);
        }

        return activity;
    }

    /// <summary>How the attempt ended, on its span: delivered, or the first error that will make it retry or dead-letter.</summary>
    internal static void Finish(Activity? activity, IReadOnlyList<DeliveryOutcome> outcomes)
    {
        if (activity is null)
        {
            return;
        }

        var failed = outcomes.FirstOrDefault(o => o.Kind != OutcomeKind.Delivered);
        activity.SetTag("sluice.outcome", OutcomeWriter.OutcomeName((failed ?? outcomes[0]).Kind));
        if (failed is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, failed.Error);
        }
    }
}
