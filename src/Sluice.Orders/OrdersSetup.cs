using Sluice.Hosting;
using Sluice.Journal.Modules;
using Sluice.Orders.Populate;
using Sluice.Orders.Storage;

namespace Sluice.Orders;

public static class OrdersSetup
{
    public static WebApplicationBuilder AddOrders(this WebApplicationBuilder builder)
    {
        builder.Services.AddDomainModule<OrdersOptions>(OrdersOptions.SectionName, OrdersJsonContext.Default);
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
