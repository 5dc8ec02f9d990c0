using Sluice.Hosting;

namespace Sluice.Punches.Treatment;

internal static class TreatmentSetup
{
    public static IServiceCollection AddTreatment(this IServiceCollection services)
    {
        services.AddJsonContext(TreatmentJsonContext.Default);
        services.AddSingleton<TreatmentStore>();
        services.AddSingleton<TreatedMarkings>();
        return services;
    }
}
