using Microsoft.AspNetCore.Http.Json;

namespace Sluice.Punches.Treatment;

internal static class TreatmentSetup
{
    public static IServiceCollection AddTreatment(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Add(TreatmentJsonContext.Default));
        services.AddSingleton<TreatmentStore>();
        services.AddSingleton<TreatedMarkings>();
        return services;
    }
}
