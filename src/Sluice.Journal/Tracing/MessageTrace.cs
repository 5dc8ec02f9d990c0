using System.Diagnostics;

namespace Sluice.Journal.Tracing;

/// <summary>
/// Carries the trace of the request that stored a message across the wait, however long: the intake span's context
/// is kept in the message's metadata, and each delivery attempt, hours and restarts later, continues that trace.
/// </summary>
public static class MessageTrace
{
    public const string SourceName = "Sluice.Journal";

    /// <summary>Metadata keys (W3C trace context). Not <c>header:</c> keys: the sink sends the attempt's own context.</summary>
    public const string ParentKey = "trace.parent";

    public const string StateKey = "trace.state";

    /// <summary>Listened to only when tracing is configured, so an untraced gateway stores nothing extra per message.</summary>
    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The message with the current span's context in its metadata, when tracing is on and a span is current.</summary>
    public static NewMessage Stamp(NewMessage message)
    {
        if (!Source.HasListeners() || Activity.Current is not { IdFormat: ActivityIdFormat.W3C, Id: { } id } current)
        {
            return message;
        }

        var metadata = new Dictionary<string, string>(message.Metadata ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ParentKey] = id,
        };
        if (current.TraceStateString is { Length: > 0 } state)
        {
            metadata[StateKey] = state;
        }

        return message with { Metadata = metadata };
    }

    /// <summary>The stored context of the request that brought the message, if it was traced.</summary>
    public static ActivityContext? ContextOf(IReadOnlyDictionary<string, string> metadata) =>
        metadata.TryGetValue(ParentKey, out var parent)
        && ActivityContext.TryParse(parent, metadata.TryGetValue(StateKey, out var state) ? state : null, isRemote: true, out var context)
            ? context
            : null;
}
