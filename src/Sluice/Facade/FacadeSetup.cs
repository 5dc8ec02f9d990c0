using Sluice.Hosting;

namespace Sluice.Facade;

internal static class FacadeSetup
{
    public static WebApplicationBuilder AddFacade(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddJsonContext(FacadeJsonContext.Default);
        services.AddCheckedOptions<FacadeOptions, FacadeOptionsValidator>(FacadeOptions.SectionName);

        // The forwarder and YARP's transform builder only: routes are Sluice's own (see FacadeApi).
        services.AddReverseProxy();
        services.AddSingleton<LegacyPassThrough>();
        services.AddSingleton<OwnedRoutes>();
        services.AddSingleton<StoreFirstRouteTable>();
        services.AddSingleton<StoreFirstIntake>();
        return builder;
    }
}
