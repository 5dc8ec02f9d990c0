using Sluice.Delivery.Sinks.Http;
using Sluice.Hosting;

namespace Sluice.Legacy;

internal static class LegacySetup
{
    public static WebApplicationBuilder AddLegacySystem(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddCheckedOptions<LegacyOptions, LegacyOptionsValidator>(LegacyOptions.SectionName);
        services.AddSingleton<LegacySystem>();
        services.AddSingleton<ILegacyEndpoint>(sp => sp.GetRequiredService<LegacySystem>());

        // Registered before the delivery engine, so the simulator is listening before the first send.
        services.AddHostedService(sp => sp.GetRequiredService<LegacySystem>());
        return builder;
    }
}
