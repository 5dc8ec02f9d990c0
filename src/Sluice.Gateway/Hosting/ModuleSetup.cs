using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;

namespace Sluice.Hosting;

/// <summary>What every module's setup does first: its contracts' JSON and its settings.</summary>
internal static class ModuleSetup
{
    /// <summary>
    /// Chains <paramref name="context"/> into the host's JSON options ahead of the reflection fallback at the end of the
    /// chain, so the contracts it names are read and written by the generated code.
    /// </summary>
    public static IServiceCollection AddJsonContext(this IServiceCollection services, JsonSerializerContext context) =>
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, context));

    /// <summary>
    /// A domain module's contracts (<see cref="AddJsonContext"/>) and its settings, bound from <paramref name="section"/>
    /// and checked when the host starts: its destinations (<see cref="DeliveredOptions.ValidateDestinations"/>), its data
    /// annotations, and whatever the caller adds to the builder returned.
    /// </summary>
    public static OptionsBuilder<TOptions> AddDomainModule<TOptions>(this IServiceCollection services, string section, JsonSerializerContext context)
        where TOptions : class, IDeliveredOptions =>
        services.AddJsonContext(context)
            .AddOptions<TOptions>()
            .BindConfiguration(section)
            .ValidateDestinations(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
}
