using Microsoft.AspNetCore.Http.Json;
using Sluice.Delivery.Engine;
using Sluice.Journal.Modules;
using Sluice.Orders.Populate;
using Sluice.Orders.Storage;

namespace Sluice.Orders;

public static class OrdersSetup
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        // Ahead of the reflection fallback at the end of the chain, so the order contracts are read and written by
        // the generated code.
        builder.Services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, OrdersJsonContext.Default));
        builder.Services.AddOptions<OrdersOptions>()
            .BindConfiguration(OrdersOptions.SectionName)
            .ValidateDestinations(OrdersOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<IJournalModule, OrdersModule>();
        builder.Services.AddSingleton<OrderStore>();
        builder.Services.AddSingleton<Operations.IDeadLetterSubjectSource, OrderSubjects>();
        builder.Services.AddSingleton<OrderQueries>();
        builder.Services.AddSingleton<OrderIntake>();
        builder.Services.AddSingleton<OrderPopulator>();
        return builder;
    }

    public static IEndpointRouteBuilder MapOrders(this IEndpointRouteBuilder app)
    {
        app.MapOrdersApi();
        return app;
    }
}
