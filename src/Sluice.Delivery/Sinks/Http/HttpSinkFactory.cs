using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sluice.Delivery.Engine;

namespace Sluice.Delivery.Sinks.Http;

/// <remarks>
/// Shapers are looked up when a sink is made, not when the factory is: the factory is needed to validate the delivery
/// settings at start, and shapers depend on feature settings that are validated at the same time.
/// </remarks>
internal sealed class HttpSinkFactory(IHttpClientFactory clients, ILegacyEndpoint legacy, IServiceProvider services) : IDeliverySinkFactory
{
    public const string ClientName = "sluice-http-sink";

    public string Kind => "http";

    public bool SendsBatches => true;

    public IDeliverySink Create(string destination, IConfigurationSection section)
    {
        var options = new HttpSinkOptions();
        section.Bind(options);
        return new HttpSink(clients.CreateClient(ClientName), options, legacy, [.. services.GetServices<IPayloadShaper>()]);
    }
}
