using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using Sluice.Hosting;

namespace Sluice.Proxies;

/// <summary>
/// Behind configured proxies, the client's address and scheme are read from the proxy's forwarded headers, so rate
/// limits, web PIN lockouts and the legacy system's <c>X-Forwarded-For</c> see the real client, not the proxy.
/// </summary>
public static class ProxiesSetup
{
    public static WebApplicationBuilder AddSluiceProxies(this WebApplicationBuilder builder)
    {
        builder.Services.AddCheckedOptions<ProxiesOptions>(ProxiesOptions.Section);
        builder.Services.AddSingleton<TrustedProxies>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxiesOptions>>((forwarded, proxies) =>
        {
            var settings = proxies.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.ForwardLimit = settings.ForwardLimit;
            // Only the configured proxies: the framework's default trusts loopback, which a local process could use.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        return builder;
    }

    /// <summary>First in the pipeline, so everything after it sees the client; nothing is read when no proxy is configured.</summary>
    public static WebApplication UseSluiceProxies(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<ProxiesOptions>>().Value.Enabled)
        {
            app.Use((context, next) =>
            {
                context.Features.Set(new TrustedProxies.ConnectionPeer(context.Connection.RemoteIpAddress));
                return next(context);
            });
            app.UseForwardedHeaders();
        }

        return app;
    }
}
