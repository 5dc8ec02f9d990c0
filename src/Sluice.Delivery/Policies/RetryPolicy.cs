using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Delivery.Policies;

/// <summary>Turns a send's result into the outcome the journal records: done, later, or dead.</summary>
internal sealed class RetryPolicy(DestinationOptions options, Func<double> random)
{
    public DeliveryOutcome Decide(LeasedDelivery lease, SendResult result, DateTimeOffset now)
    {
        switch (result.Status)
        {
            case SendStatus.Delivered:
                return DeliveryOutcome.Delivered(lease, now, result.Reply);
            case SendStatus.Permanent:
                return DeliveryOutcome.DeadLetter(lease, now, $"Refused permanently: {result.Error}", result.Reply);
        }

        var error = result.Error ?? "Transient failure.";
        if (lease.Attempt >= options.MaxAttempts)
        {
            return DeliveryOutcome.DeadLetter(lease, now, $"Gave up after {lease.Attempt} attempts: {error}", result.Reply);
        }

        var delay = Backoff(lease.Attempt);
        if (result.RetryAfter is { } asked && asked > delay)
        {
            delay = asked;
        }

        if (now + delay - lease.ReceivedAt > options.MaxAge)
        {
            return DeliveryOutcome.DeadLetter(lease, now,
                $"Gave up after {lease.Attempt} attempts: older than {options.MaxAge}: {error}", result.Reply);
        }

        return DeliveryOutcome.Retry(lease, now, now + delay, error);
    }

    /// <summary>Exponential backoff with full jitter: a random delay in [0, min(max, base * 2^(attempt-1))].</summary>
    /// <remarks>Full jitter spreads a crowd of failed sends over the whole window, so a recovering system is not
    /// hit by all of them again at the same instant.</remarks>
    public TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Min(Math.Max(attempt - 1, 0), 30);
        var ceiling = Math.Min(options.BackoffMax.TotalMilliseconds, options.BackoffBase.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * random());
    }
}
