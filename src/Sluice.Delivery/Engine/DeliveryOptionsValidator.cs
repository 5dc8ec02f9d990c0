using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Sluice.Delivery.Engine;

/// <summary>Checks every destination and reports all problems at once, not the first.</summary>
internal sealed class DeliveryOptionsValidator(IEnumerable<IDeliverySinkFactory> sinks, IConfiguration? configuration = null)
    : IValidateOptions<DeliveryOptions>
{

    public ValidateOptionsResult Validate(string? name, DeliveryOptions options)
    {
        var errors = new List<string>();
        Unreadable(errors, options);
        var kinds = sinks.Select(s => s.Kind).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Positive(errors, "Delivery:LeaseDuration", options.LeaseDuration);
        Positive(errors, "Delivery:PollInterval", options.PollInterval);
        foreach (var (destination, d) in options.Destinations)
        {
            var at = $"Delivery:Destinations:{destination}";
            if (!kinds.Contains(d.Sink))
            {
                errors.Add($"{at}:Sink '{d.Sink}' is not a known sink (known: {string.Join(", ", kinds.Order())}).");
            }

            if (d.Concurrency < 1)
            {
                errors.Add($"{at}:Concurrency must be at least 1.");
            }

            if (d.MaxAttempts < 1)
            {
                errors.Add($"{at}:MaxAttempts must be at least 1.");
            }

            Positive(errors, $"{at}:Timeout", d.Timeout);
            Positive(errors, $"{at}:MaxAge", d.MaxAge);
            Positive(errors, $"{at}:BackoffBase", d.BackoffBase);
            if (d.BackoffMax < d.BackoffBase)
            {
                errors.Add($"{at}:BackoffMax must not be less than BackoffBase.");
            }

            if (d.Batch.Size is < 1 or > 500)
            {
                errors.Add($"{at}:Batch:Size must be between 1 and 500.");
            }
            else if (d.Batch.Size > 1 && !sinks.Any(s => s.SendsBatches && string.Equals(s.Kind, d.Sink, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"{at}:Batch:Size above 1 needs a sink that sends batches; '{d.Sink}' does not.");
            }

            if (d.Reply.MaxBodyBytes is < 0 or > ReplyOptions.MaxBodyBytesCeiling)
            {
                errors.Add($"{at}:Reply:MaxBodyBytes must be between 0 and {ReplyOptions.MaxBodyBytesCeiling}.");
            }

            ValidatePace(errors, at, d);
            var breaker = d.CircuitBreaker;
            if (breaker.FailureRatio is <= 0 or > 1)
            {
                errors.Add($"{at}:CircuitBreaker:FailureRatio must be in (0, 1].");
            }

            if (breaker.MinimumThroughput < 2)
            {
                errors.Add($"{at}:CircuitBreaker:MinimumThroughput must be at least 2.");
            }

            if (breaker.SamplingDuration < TimeSpan.FromMilliseconds(500))
            {
                errors.Add($"{at}:CircuitBreaker:SamplingDuration must be at least 0.5 s.");
            }

            if (breaker.BreakDuration < TimeSpan.FromMilliseconds(500))
            {
                errors.Add($"{at}:CircuitBreaker:BreakDuration must be at least 0.5 s.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <summary>
    /// The binder drops a dictionary entry any of whose values it cannot convert (<c>Timeout=30s</c>), so the
    /// destination would just be missing and a later check would blame something else. Binding the entry alone
    /// gives the converter's error, which names the key and the value.
    /// </summary>
    private void Unreadable(List<string> errors, DeliveryOptions options)
    {
        if (configuration is null)
        {
            return;
        }

        foreach (var entry in configuration.GetSection($"{DeliveryOptions.SectionName}:Destinations").GetChildren())
        {
            if (options.Destinations.ContainsKey(entry.Key))
            {
                continue;
            }

            try
            {
                entry.Get<DestinationOptions>();
                errors.Add($"{entry.Path} could not be read.");
            }
            catch (InvalidOperationException ex)
            {
                errors.Add(ex.Message);
            }
        }
    }

    private static void ValidatePace(List<string> errors, string at, DestinationOptions d)
    {
        var limit = d.Limit;
        if (!limit.IsAdaptive && !string.Equals(limit.Kind, "fixed", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}:Limit:Kind must be 'fixed' or 'adaptive', not '{limit.Kind}'.");
        }

        if (limit.IsAdaptive && (limit.Min < 1 || limit.Max < limit.Min || limit.Initial < limit.Min || limit.Initial > limit.Max))
        {
            errors.Add($"{at}:Limit needs 1 <= Min <= Initial <= Max (got {limit.Min}, {limit.Initial}, {limit.Max}).");
        }

        if (d.RatePerSecond is <= 0)
        {
            errors.Add($"{at}:RatePerSecond must be positive.");
        }

        var schedule = d.Schedule;
        switch (schedule.Mode.ToLowerInvariant())
        {
            case "continuous":
                break;
            case "interval":
                if (schedule.Every < TimeSpan.FromSeconds(1))
                {
                    errors.Add($"{at}:Schedule:Every must be at least one second.");
                }

                break;
            case "windows":
                if (schedule.Windows.Length == 0)
                {
                    errors.Add($"{at}:Schedule:Windows must list at least one window such as 22:00-06:00.");
                }

                errors.AddRange(schedule.Windows
                    .Where(w => Policies.DeliverySchedule.ParseWindow(w) is null)
                    .Select(w => $"{at}:Schedule:Windows: '{w}' is not a window such as 22:00-06:00."));
                break;
            default:
                errors.Add($"{at}:Schedule:Mode must be 'continuous', 'interval' or 'windows', not '{schedule.Mode}'.");
                break;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(schedule.TimeZone, out _))
        {
            errors.Add($"{at}:Schedule:TimeZone '{schedule.TimeZone}' is not a known time zone (use an IANA name such as America/Sao_Paulo).");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive.");
        }
    }
}
