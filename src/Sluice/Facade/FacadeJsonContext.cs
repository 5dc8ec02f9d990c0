using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sluice.Facade;

/// <summary>Compile-time JSON for the store-first routes' contracts; <see cref="FacadeSetup.AddFacade"/> chains it into the host's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(StoreFirstReceipt))]
[JsonSerializable(typeof(StoreFirstRequestView))]
[JsonSerializable(typeof(StoreFirstRouteOptions))]
internal sealed partial class FacadeJsonContext : JsonSerializerContext;
