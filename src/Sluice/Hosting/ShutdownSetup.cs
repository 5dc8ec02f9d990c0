using Microsoft.Extensions.Options;

namespace Sluice.Hosting;

internal static class ShutdownSetup
{
    public static WebApplicationBuilder AddSluiceShutdown(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<ShutdownOptions>(ShutdownOptions.Section);
        services.AddOptions<HostOptions>().Configure<IOptions<ShutdownOptions>>((host, shutdown) => host.ShutdownTimeout = shutdown.Value.Timeout);

        // Registered first, so its StoppingAsync is where the stop begins (see GracefulShutdown for the whole order).
        services.AddSingleton<GracefulShutdown>();
        services.AddHostedService(sp => sp.GetRequiredService<GracefulShutdown>());
        services.AddHealthChecks().AddCheck<ShutdownHealthCheck>("shutdown", tags: ["ready"]);
        return builder;
    }
}
