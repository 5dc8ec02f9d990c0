namespace Sluice.Facade;

/// <summary>The catch-all route of the strangler-fig front; the handler is <see cref="FacadeEndpoints"/>.</summary>
public static class FacadeApi
{
    /// <summary>Below every endpoint Sluice maps itself, whatever their patterns: a moved route always wins.</summary>
    private const int LowestPrecedence = int.MaxValue;

    public static IEndpointConventionBuilder MapFacadeApi(this IEndpointRouteBuilder app) =>
        app.Map("/{**path}", FacadeEndpoints.HandleAsync)
            .WithOrder(LowestPrecedence)
            .WithDisplayName("Facade (store-first routes, then the legacy system)")
            .ExcludeFromDescription()
            .WithMetadata(new FacadeEndpointMarker())
            // The legacy system checks its own credentials; a store-first route may ask for a Sluice policy too.
            .AllowAnonymous()
            // The legacy system's clients often reach it through one address (an app server, a NAT): a per-caller
            // bucket would cap them all together, which the legacy system never did. Store-first routes are bounded
            // by the journal's back-pressure (503 when the intake queue is full) instead.
            .DisableRateLimiting();
}
