namespace Sluice.Security;

/// <summary>Every route under <c>/api/keys</c>; the handlers are <see cref="ApiKeyEndpoints"/>.</summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTag("API keys", "Keys for devices, apps and order systems: created, listed and revoked.");
        api.MapPost("/", ApiKeyEndpoints.CreateAsync)
            .AsOperation("CreateApiKey", SluicePolicies.Manage, "Create an API key for a device or app; the secret is in this answer only.");
        api.MapGet("/", ApiKeyEndpoints.ListAsync)
            .AsOperation("ListApiKeys", SluicePolicies.Manage, "Every API key, revoked or not, without secrets.");
        api.MapDelete("/{id:guid}", ApiKeyEndpoints.RevokeAsync)
            .AsOperation("RevokeApiKey", SluicePolicies.Manage, "Revoke an API key: refused from now on (on other nodes within seconds); kept for audit.");
        return api;
    }
}
