using System.Text.Json;
using System.Text.Json.Serialization;
using Sluice.Hosting;

namespace Sluice.Punches.Espelho;

internal static class EspelhoSetup
{
    public static IServiceCollection AddEspelho(this IServiceCollection services)
    {
        services.AddSingleton<IEspelhoSource, TreatedEspelhoSource>();
        services.AddSingleton<EspelhoReports>();
        services.AddSingleton<WebPage.EspelhoLinks>();
        services.AddJsonContext(EspelhoJsonContext.Default);
        return services;
    }
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(EspelhoReport))]
internal sealed partial class EspelhoJsonContext : JsonSerializerContext;
