using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sluice.Punches.Adms.Rejected;

/// <summary>Compile-time JSON for the ADMS module's API contracts, chained into the host's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(RejectedLinesView))]
internal sealed partial class AdmsJsonContext : JsonSerializerContext;
