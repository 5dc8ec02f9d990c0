using Sluice.Replies;
using Sluice.Security;

namespace Sluice.Facade;

/// <summary>Every route under <c>/api/requests</c>; the handlers are <see cref="StoreFirstRequestEndpoints"/>.</summary>
public static class StoreFirstRequestsApi
{
    public const string Prefix = "/api/requests";

    public static RouteGroupBuilder MapStoreFirstRequestsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup(Prefix).WithTag("Store-first requests", "Requests to the routes Sluice stores first (Facade:Routes): their delivery state and the legacy system's answer.");
        api.MapGet("/{id:guid}", StoreFirstRequestEndpoints.GetRequestAsync)
            .AsOperation("GetStoreFirstRequest", SluicePolicies.Read, "A request stored by a store-first route and its replay per destination (headers and body are not shown).");
        api.MapGet("/{id:guid}/reply", StoreFirstRequestEndpoints.GetReplyAsync)
            .AsOperation("GetStoreFirstReply", SluicePolicies.Read, "The legacy system's answer to a stored request, as it came (status, the route's listed headers, body); 202 with Retry-After until then.")
            .ProducesReply();
        return api;
    }
}
