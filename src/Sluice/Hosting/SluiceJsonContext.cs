using System.Text.Json;
using System.Text.Json.Serialization;
using Sluice.Observability.Dashboard;
using Sluice.Operations;
using Sluice.Security;

namespace Sluice.Hosting;

/// <summary>Compile-time JSON for the host's own contracts; each domain module chains its own context after this one.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<DestinationView>))]
[JsonSerializable(typeof(DeadLetterPage))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(ReplayResult))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(CreatedApiKey))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeyView>))]
[JsonSerializable(typeof(DashboardSnapshot))]
internal sealed partial class SluiceJsonContext : JsonSerializerContext;
