using Sluice.Intake;
using Sluice.Replies;
using Sluice.Security;

namespace Sluice.Orders;

/// <summary>Every route under <c>/api/orders</c>; the handlers are <see cref="OrderEndpoints"/>.</summary>
internal static class OrdersApi
{
    public static RouteGroupBuilder MapOrdersApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orders").WithTag("Orders", "Orders stored before the 202 and processed by the order system at its pace; their status and its answer.");

        api.MapPost("/", OrderEndpoints.RecordOrderAsync)
            .WithName("RecordOrder")
            .WithSummary("Store an order for processing; 202 only once it is committed. clientOrderId is the idempotency key per account.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .AsIntake(SluicePolicies.Orders)
            .AcceptsPreferWait();

        api.MapGet("/{id:long}", OrderEndpoints.GetOrderAsync)
            .AsOperation("GetOrder", SluicePolicies.Read, "An order and its status: stored, processing, processed or failed.");

        api.MapGet("/{id:long}/reply", OrderEndpoints.GetReplyAsync)
            .AsOperation("GetOrderReply", SluicePolicies.Read, "The processing system's answer to an order, as it came; 202 with Retry-After until then, 502 with the last error if it failed.")
            .ProducesReply();

        api.MapGet("/", OrderEndpoints.ListOrdersAsync)
            .AsOperation("ListOrders", SluicePolicies.Read, "Orders in id order after an id (?after=&limit=), in an id range (?fromId=&toId=) or accepted in a time range (?from=&to=); 'next' links the following slice.");

        api.MapGet("/pages/{n}", OrderEndpoints.GetPageAsync)
            .AsOperation("GetOrdersPage", SluicePolicies.Read, "Page n (from 1) of ?size= orders in id order, for clients that page by number.");

        api.MapPost("/populate", OrderEndpoints.PopulateAsync)
            .AsOperation("PopulateOrders", SluicePolicies.Manage, "Generate ?count= realistic fake orders as history for the queries (not processed); answers when done.")
            // Ten million orders take longer than a read may.
            .DisableRequestTimeout();

        return api;
    }
}
