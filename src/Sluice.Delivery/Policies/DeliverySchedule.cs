using System.Globalization;

namespace Sluice.Delivery.Policies;

/// <summary>When a destination may be fed: always, in flushes at fixed intervals, or only inside daily time windows.</summary>
public abstract class DeliverySchedule
{
    public static readonly DeliverySchedule Continuous = new Always();

    /// <summary>Whether sends may start at <paramref name="now"/>; when not, when that may change.</summary>
    public abstract bool IsOpen(DateTimeOffset now, out DateTimeOffset nextChange);

    /// <summary>Told when nothing is left to send, which ends a flush.</summary>
    public virtual void OnDrained()
    {
    }

    /// <summary>A flush every <paramref name="every"/>, counted from midnight in <paramref name="zone"/> (every 30 min: :00 and :30).</summary>
    public static DeliverySchedule Interval(TimeSpan every, TimeZoneInfo zone, DateTimeOffset now) => new Flushes(every, zone, now);

    /// <summary>Open inside any of <paramref name="windows"/> (local times in <paramref name="zone"/>; a window may cross midnight).</summary>
    public static DeliverySchedule Windows(IReadOnlyList<(TimeSpan Start, TimeSpan End)> windows, TimeZoneInfo zone) => new Daily(windows, zone);

    /// <summary>Reads "22:00-06:00"; null when it is not a window.</summary>
    public static (TimeSpan Start, TimeSpan End)? ParseWindow(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        return parts.Length == 2
            && TimeSpan.TryParseExact(parts[0], @"hh\:mm", CultureInfo.InvariantCulture, out var start)
            && TimeSpan.TryParseExact(parts[1], @"hh\:mm", CultureInfo.InvariantCulture, out var end)
            && start != end
                ? (start, end)
                : null;
    }

    private sealed class Always : DeliverySchedule
    {
        public override bool IsOpen(DateTimeOffset now, out DateTimeOffset nextChange)
        {
            nextChange = DateTimeOffset.MaxValue;
            return true;
        }
    }

    /// <summary>Closed between flushes; at each flush time it opens until everything due has been sent.</summary>
    private sealed class Flushes(TimeSpan every, TimeZoneInfo zone, DateTimeOffset start) : DeliverySchedule
    {
        private readonly Lock _gate = new();
        private DateTimeOffset _nextFlush = NextAfter(start, every, zone);
        private bool _flushing;

        public override bool IsOpen(DateTimeOffset now, out DateTimeOffset nextChange)
        {
            lock (_gate)
            {
                if (now >= _nextFlush)
                {
                    _flushing = true;
                    _nextFlush = NextAfter(now, every, zone);
                }

                nextChange = _nextFlush;
                return _flushing;
            }
        }

        public override void OnDrained()
        {
            lock (_gate)
            {
                _flushing = false;
            }
        }

        private static DateTimeOffset NextAfter(DateTimeOffset now, TimeSpan every, TimeZoneInfo zone)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var midnight = new DateTimeOffset(local.Date, local.Offset);
            var periods = Math.Floor((local - midnight) / every) + 1;
            return (midnight + (every * periods)).ToUniversalTime();
        }
    }

    private sealed class Daily(IReadOnlyList<(TimeSpan Start, TimeSpan End)> windows, TimeZoneInfo zone) : DeliverySchedule
    {
        public override bool IsOpen(DateTimeOffset now, out DateTimeOffset nextChange)
        {
            var local = TimeZoneInfo.ConvertTime(now, zone);
            var open = windows.Any(w => Contains(w, local.TimeOfDay));

            // The next boundary (a start when closed, an end when open), looking at today's and tomorrow's.
            nextChange = DateTimeOffset.MaxValue;
            foreach (var day in (DateTime[])[local.Date, local.Date.AddDays(1)])
            {
                foreach (var (start, end) in windows)
                {
                    var at = open ? end : start;
                    var candidate = ToInstant(day + at);
                    if (candidate > now && candidate < nextChange)
                    {
                        nextChange = candidate;
                    }
                }
            }

            return open;
        }

        private static bool Contains((TimeSpan Start, TimeSpan End) window, TimeSpan time) =>
            window.Start < window.End
                ? time >= window.Start && time < window.End
                : time >= window.Start || time < window.End;

        private DateTimeOffset ToInstant(DateTime local) =>
            new(local, zone.IsInvalidTime(local) ? zone.GetUtcOffset(local.AddHours(1)) : zone.GetUtcOffset(local));
    }
}
