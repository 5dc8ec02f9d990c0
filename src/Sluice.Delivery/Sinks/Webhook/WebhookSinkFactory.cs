using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Http;

namespace Sluice.Delivery.Sinks.Webhook;

/// <remarks>The secrets are looked up when a sink is made: the host registers them with its other settings.</remarks>
internal sealed class WebhookSinkFactory(IHttpClientFactory clients, IServiceProvider services, TimeProvider time) : IDeliverySinkFactory
{
    public string Kind => "webhook";

    public IDeliverySink Create(string destination, IConfigurationSection section) =>
        new WebhookSink(clients.CreateClient(HttpSinkFactory.ClientName), services.GetRequiredService<IWebhookSecrets>(), time);
}
