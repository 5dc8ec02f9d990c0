using System.Text.Json;
using Polly.CircuitBreaker;

namespace Sluice.Delivery.Engine;

/// <summary>What the gate and the status need of Polly's circuit breaker: its state, and until when it stays open.</summary>
/// <remarks>Polly keeps the break's end to itself; the breaker's <c>OnOpened</c> tells it here.</remarks>
internal sealed class CircuitMirror
{
    private long _openUntilTicks;

    /// <summary>Given to the breaker, which then answers <see cref="State"/> through it.</summary>
    public CircuitBreakerStateProvider Provider { get; } = new();

    public CircuitState State => Provider.CircuitState;

    public DateTimeOffset OpenUntil => new(Interlocked.Read(ref _openUntilTicks), TimeSpan.Zero);

    /// <summary>"closed", "open", "half-open" or "isolated".</summary>
    public string Name => JsonNamingPolicy.KebabCaseLower.ConvertName(State.ToString());

    public void Opened(DateTimeOffset until) => Interlocked.Exchange(ref _openUntilTicks, until.UtcTicks);
}
