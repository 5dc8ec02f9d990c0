using System.Text.Json;
using System.Text.Json.Serialization;
using Sluice.Facade;
using Sluice.Observability.Dashboard;
using Sluice.Operations;
using Sluice.Orders;
using Sluice.Punches;
using Sluice.Punches.Ledger;
using Sluice.Punches.Receipts;
using Sluice.Punches.Signing;
using Sluice.Punches.Registry;
using Sluice.Punches.Timesheets;
using Sluice.Security;

namespace Sluice.Hosting;

/// <summary>Compile-time JSON for the hot paths and every API contract.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SigningCertificateView))]
[JsonSerializable(typeof(PunchRequest))]
[JsonSerializable(typeof(PunchReceipt))]
[JsonSerializable(typeof(PunchMessage))]
[JsonSerializable(typeof(PunchNumbers))]
[JsonSerializable(typeof(PunchView))]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderReceipt))]
[JsonSerializable(typeof(OrderMessage))]
[JsonSerializable(typeof(OrderNumber))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(OrderList))]
[JsonSerializable(typeof(OrderPage))]
[JsonSerializable(typeof(PopulateResult))]
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
[JsonSerializable(typeof(IReadOnlyList<DestinationView>))]
[JsonSerializable(typeof(DeadLetterPage))]
[JsonSerializable(typeof(ReplayRequest))]
[JsonSerializable(typeof(ReplayResult))]
[JsonSerializable(typeof(CreateApiKeyRequest))]
[JsonSerializable(typeof(CreatedApiKey))]
[JsonSerializable(typeof(IReadOnlyList<ApiKeyView>))]
[JsonSerializable(typeof(DashboardSnapshot))]
[JsonSerializable(typeof(StoreFirstReceipt))]
[JsonSerializable(typeof(StoreFirstRequestView))]
[JsonSerializable(typeof(StoreFirstRouteOptions))]
internal sealed partial class SluiceJsonContext : JsonSerializerContext;
