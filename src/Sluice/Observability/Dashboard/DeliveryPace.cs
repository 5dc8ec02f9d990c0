namespace Sluice.Observability.Dashboard;

/// <summary>
/// Delivered per second for each destination over the last <see cref="Window"/> of one stream's updates: the pace a
/// drain-time estimate divides by. One update apart is too jumpy for "drains in about 2 min" (an interval of 250 ms
/// sees one batch or none); half a minute smooths that and still follows a change of pace.
/// </summary>
public sealed class DeliveryPace
{
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private readonly Queue<(DateTimeOffset At, IReadOnlyDictionary<string, long> Delivered)> _points = new();

    /// <summary>Records this update's delivered counts and returns each destination's pace since the oldest update kept.</summary>
    public IReadOnlyDictionary<string, double> Add(DateTimeOffset at, IReadOnlyDictionary<string, long> delivered)
    {
        while (_points.Count > 1 && at - _points.Peek().At > Window)
        {
            _points.Dequeue();
        }

        var pace = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);
        if (_points.TryPeek(out var oldest) && (at - oldest.At).TotalSeconds is var seconds and > 0)
        {
            foreach (var (name, now) in delivered)
            {
                // Retention deletes delivered messages, so a count can fall: a pace is never negative.
                pace[name] = Math.Max(0, now - oldest.Delivered.GetValueOrDefault(name, now)) / seconds;
            }
        }

        _points.Enqueue((at, delivered));
        return pace;
    }
}
