using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;

namespace Sluice.Punches.Espelho;

internal static class EspelhoSetup
{
    public static IServiceCollection AddEspelho(this IServiceCollection services)
    {
        services.AddSingleton<IEspelhoSource, TreatedEspelhoSource>();
        services.AddSingleton<EspelhoReports>();
        services.AddSingleton<WebPage.EspelhoLinks>();
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Add(EspelhoJsonContext.Default));
        return services;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EspelhoReport))]
internal sealed partial class EspelhoJsonContext : JsonSerializerContext;
