using System.Text.Json;
using System.Text.Json.Serialization;
using Sluice.Orders.Populate;

namespace Sluice.Orders;

/// <summary>Compile-time JSON for the order contracts; <see cref="OrdersSetup.AddOrders"/> chains it into the host's.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrderRequest))]
[JsonSerializable(typeof(OrderReceipt))]
[JsonSerializable(typeof(OrderMessage))]
[JsonSerializable(typeof(OrderNumber))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(OrderList))]
[JsonSerializable(typeof(OrderPage))]
[JsonSerializable(typeof(PopulateResult))]
internal sealed partial class OrdersJsonContext : JsonSerializerContext;
