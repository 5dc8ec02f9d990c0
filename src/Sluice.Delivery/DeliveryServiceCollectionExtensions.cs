using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Http;
using Sluice.Delivery.Sinks.RabbitMq;
using Sluice.Delivery.Sinks.Webhook;
using Sluice.Journal.GroupCommit;

namespace Sluice.Delivery;

public static class DeliveryServiceCollectionExtensions
{
    /// <summary>Adds the delivery engine with the HTTP and RabbitMQ sinks; other sinks register their own <see cref="IDeliverySinkFactory"/>.</summary>
    public static IServiceCollection AddSluiceDelivery(this IServiceCollection services)
    {
        services.AddOptions<DeliveryOptions>()
            .BindConfiguration(DeliveryOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddHttpClient(HttpSinkFactory.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
                ConnectTimeout = TimeSpan.FromSeconds(10),
            });
        services.AddSingleton<IDeliverySinkFactory, HttpSinkFactory>();
        services.AddSingleton<IDeliverySinkFactory, RabbitMqSinkFactory>();
        services.AddSingleton<IDeliverySinkFactory, WebhookSinkFactory>();

        services.AddSingleton<FinishedDeliveries>();
        services.AddSingleton<OutcomeRecorder>();
        services.AddSingleton<DeliveryEngine>();
        services.AddSingleton<IAppendObserver>(sp => sp.GetRequiredService<DeliveryEngine>());

        // Stopped in reverse order: the engine finishes its sends before the recorder flushes their outcomes.
        services.AddHostedService(sp => sp.GetRequiredService<OutcomeRecorder>());
        services.AddHostedService(sp => sp.GetRequiredService<DeliveryEngine>());
        return services;
    }
}
