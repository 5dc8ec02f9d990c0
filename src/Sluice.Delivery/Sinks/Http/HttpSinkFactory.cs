using Microsoft.Extensions.Configuration;
using Sluice.Delivery.Engine;

namespace Sluice.Delivery.Sinks.Http;

internal sealed class HttpSinkFactory(IHttpClientFactory clients, ILegacyEndpoint legacy) : IDeliverySinkFactory
{
    public const string ClientName = "sluice-http-sink";

    public string Kind => "http";

    public bool SendsBatches => true;

    public IDeliverySink Create(string destination, IConfigurationSection section)
    {
        var options = new HttpSinkOptions();
        section.Bind(options);
        return new HttpSink(clients.CreateClient(ClientName), options, legacy);
    }
}
