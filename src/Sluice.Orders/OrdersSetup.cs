using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Journal.Modules;
using Sluice.Orders.Populate;
using Sluice.Orders.Storage;

namespace Sluice.Orders;

internal static class OrdersSetup
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<OrdersOptions>()
            .BindConfiguration(OrdersOptions.SectionName)
            // Binding appends to the default list instead of replacing it.
            .PostConfigure(o => o.Destinations = o.Destinations.Distinct(StringComparer.OrdinalIgnoreCase).ToArray())
            .ValidateDataAnnotations()
            .Validate<IOptions<DeliveryOptions>>(
                (orders, delivery) => orders.Destinations.Length > 0
                    && orders.Destinations.All(d => delivery.Value.Destinations.ContainsKey(d)),
                "Orders:Destinations must name at least one destination, each defined under Delivery:Destinations.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IJournalModule, OrdersModule>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<Operations.IDeadLetterSubjectSource, OrderSubjects>();
        builder.Services.AddSingleton<OrderQueries>();
        builder.Services.AddSingleton<OrderIntake>();
        builder.Services.AddSingleton<OrderPopulator>();
        return builder;
    }
}
