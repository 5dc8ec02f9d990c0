using Microsoft.Extensions.Options;

namespace Sluice.Delivery.Engine;

/// <summary>A module's settings naming the destinations (under <c>Delivery:Destinations</c>) each of its messages goes to.</summary>
public interface IDeliveredOptions
{
    string[] Destinations { get; set; }
}

public static class DeliveredOptions
{
    /// <summary>
    /// Drops repeated destinations and, when the host starts, refuses a list that is empty or names a destination
    /// <c>Delivery:Destinations</c> does not define: a message must never be stored for a destination nothing sends to.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateDestinations<TOptions>(this OptionsBuilder<TOptions> options, string section)
        where TOptions : class, IDeliveredOptions =>
        options
            // Binding appends to the default list instead of replacing it.
            .PostConfigure(o => o.Destinations = o.Destinations.Distinct(StringComparer.OrdinalIgnoreCase).ToArray())
            .Validate<IOptions<DeliveryOptions>>(
                (module, delivery) => module.Destinations.Length > 0
                    && module.Destinations.All(d => delivery.Value.Destinations.ContainsKey(d)),
                $"{section}:Destinations must name at least one destination, each defined under Delivery:Destinations.");
}
