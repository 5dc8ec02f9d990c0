using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sluice.Punches.Treatment;

/// <summary>Compile-time JSON for the treatment program's API contracts, chained into the host's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ScheduleRequest))]
[JsonSerializable(typeof(ScheduleView))]
[JsonSerializable(typeof(ScheduleView[]))]
[JsonSerializable(typeof(ContractRequest))]
[JsonSerializable(typeof(ContractView))]
[JsonSerializable(typeof(TreatmentRequest))]
[JsonSerializable(typeof(TreatmentView))]
[JsonSerializable(typeof(TreatmentView[]))]
[JsonSerializable(typeof(EmployeeMarkingsView))]
internal sealed partial class TreatmentJsonContext : JsonSerializerContext;
