using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sluice.Testing;

namespace Sluice.Tests.Hosting;

/// <summary>
/// Every JSON source-generation context of the gateway's assemblies is asked before the reflection resolver that
/// ASP.NET Core's options start with: a context added behind it is compiled but never used, and its types are read
/// and written by reflection instead.
/// </summary>
public sealed class JsonContextsTests
{
    private static readonly string[] GatewayAssemblies = ["Sluice", "Sluice.Punches", "Sluice.Orders"];

    [Fact]
    public async Task Each_type_a_context_names_is_served_by_generated_code()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(legacy: null));
        var options = gateway.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

        var contexts = GatewayAssemblies
            .SelectMany(name => Assembly.Load(name).GetTypes())
            .Where(type => type.IsSubclassOf(typeof(JsonSerializerContext)))
            .ToList();
        var served = contexts
            .SelectMany(context => SerializableTypes(context).Select(type => (context, type)))
            .Select(entry => (entry.context.Name, Type: entry.type.Name, By: options.GetTypeInfo(entry.type).OriginatingResolver))
            .ToList();

        Assert.Equal(8, contexts.Count);
        Assert.All(served, entry => Assert.True(entry.By is JsonSerializerContext,
            $"{entry.Name} names {entry.Type}, but {entry.By?.GetType().Name ?? "nothing"} serves it"));
    }

    private static IEnumerable<Type> SerializableTypes(Type context) =>
        context.GetCustomAttributesData()
            .Where(attribute => attribute.AttributeType == typeof(JsonSerializableAttribute))
            .Select(attribute => (Type)attribute.ConstructorArguments[0].Value!);
}
