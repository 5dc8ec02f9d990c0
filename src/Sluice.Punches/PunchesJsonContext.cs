using System.Text.Json;
using System.Text.Json.Serialization;
using Sluice.Punches.Ledger;
using Sluice.Punches.Receipts;
using Sluice.Punches.Registry;
using Sluice.Punches.Signing;
using Sluice.Punches.Timesheets;

namespace Sluice.Punches;

/// <summary>Compile-time JSON for the punch contracts; <see cref="PunchesSetup.AddPunches"/> chains it into the host's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SigningCertificateView))]
[JsonSerializable(typeof(PunchRequest))]
[JsonSerializable(typeof(PunchReceipt))]
[JsonSerializable(typeof(PunchMessage))]
[JsonSerializable(typeof(PunchNumbers))]
[JsonSerializable(typeof(PunchView))]
[JsonSerializable(typeof(PunchBatchRequest))]
[JsonSerializable(typeof(PunchBatchResult))]
[JsonSerializable(typeof(EstablishmentRequest))]
[JsonSerializable(typeof(EstablishmentView))]
[JsonSerializable(typeof(EstablishmentView[]))]
[JsonSerializable(typeof(EmployeeRequest))]
[JsonSerializable(typeof(EmployeeView))]
[JsonSerializable(typeof(EmployeeView[]))]
[JsonSerializable(typeof(DeviceRequest))]
[JsonSerializable(typeof(DeviceView))]
[JsonSerializable(typeof(DeviceView[]))]
[JsonSerializable(typeof(EmployeeImportResult))]
[JsonSerializable(typeof(ChainVerification))]
[JsonSerializable(typeof(PunchReceiptView))]
[JsonSerializable(typeof(PunchReceiptView[]))]
[JsonSerializable(typeof(Timesheet))]
internal sealed partial class PunchesJsonContext : JsonSerializerContext;
