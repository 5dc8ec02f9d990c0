namespace Sluice.Security;

/// <summary>Every route under <c>/api/keys</c>; the handlers are <see cref="ApiKeyEndpoints"/>.</summary>
public static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/keys").WithTags("API keys").RequireSluicePolicy(SluicePolicies.Manage);
        api.MapPost("/", ApiKeyEndpoints.CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key for a device or app; the secret is in this answer only.");
        api.MapGet("/", ApiKeyEndpoints.ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("Every API key, revoked or not, without secrets.");
        api.MapDelete("/{id:guid}", ApiKeyEndpoints.RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key: refused from now on (on other nodes within seconds); kept for audit.");
        return api;
    }
}
