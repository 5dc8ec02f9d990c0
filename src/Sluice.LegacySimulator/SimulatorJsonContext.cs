using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sluice.LegacySimulator;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SimulatorStats))]
[JsonSerializable(typeof(SimulatorSettings))]
[JsonSerializable(typeof(SimulatorConfigChange))]
[JsonSerializable(typeof(IReadOnlyList<ReceivedRequest>))]
[JsonSerializable(typeof(IReadOnlyCollection<string>))]
[JsonSerializable(typeof(List<BatchItemResult>))]
internal sealed partial class SimulatorJsonContext : JsonSerializerContext;
