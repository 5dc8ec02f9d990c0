using Sluice.Delivery.Policies;

namespace Sluice.Delivery.Engine;

/// <summary>Everything that decides how fast and when one destination is fed.</summary>
internal sealed record Pace(IConcurrencyLimit Limit, TokenBucket? Rate, DeliverySchedule Schedule)
{
    public static Pace For(DestinationOptions options, TimeProvider time)
    {
        var limit = options.Limit;
        IConcurrencyLimit concurrency = limit.IsAdaptive
            ? new AdaptiveConcurrencyLimit(limit.Initial, limit.Min, limit.Max, time)
            : new FixedConcurrencyLimit(options.Concurrency);
        var rate = options.RatePerSecond is { } perSecond
            ? new TokenBucket(perSecond, options.Burst ?? (int)Math.Ceiling(perSecond), time)
            : null;
        return new Pace(concurrency, rate, ScheduleFor(options.Schedule, time));
    }

    private static DeliverySchedule ScheduleFor(ScheduleOptions schedule, TimeProvider time)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(schedule.TimeZone);
        return schedule.Mode.ToLowerInvariant() switch
        {
            "interval" => DeliverySchedule.Interval(schedule.Every, zone, time.GetUtcNow()),
            "windows" => DeliverySchedule.Windows([.. schedule.Windows.Select(w => DeliverySchedule.ParseWindow(w)!.Value)], zone),
            _ => DeliverySchedule.Continuous,
        };
    }
}
