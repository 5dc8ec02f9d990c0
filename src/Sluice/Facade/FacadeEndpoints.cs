using Microsoft.Extensions.Options;

namespace Sluice.Facade;

/// <summary>The strangler-fig front: every request no Sluice endpoint takes is stored (store-first route) or forwarded.</summary>
public static class FacadeEndpoints
{
    /// <summary>Below every endpoint Sluice maps itself, whatever their patterns: a moved route always wins.</summary>
    private const int LowestPrecedence = int.MaxValue;

    public static IEndpointConventionBuilder MapFacade(this IEndpointRouteBuilder app) =>
        app.Map("/{**path}", HandleAsync)
            .WithOrder(LowestPrecedence)
            .WithDisplayName("Facade (store-first routes, then the legacy system)")
            .ExcludeFromDescription();

    private static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var table = services.GetRequiredService<StoreFirstRouteTable>();
        if (table.Match(context.Request, out var values) is { } route)
        {
            var result = await services.GetRequiredService<StoreFirstIntake>().StoreAsync(context, route, values, context.RequestAborted);
            await result.ExecuteAsync(context);
            return;
        }

        if (!services.GetRequiredService<IOptions<FacadeOptions>>().Value.PassThrough)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such endpoint.").ExecuteAsync(context);
            return;
        }

        await services.GetRequiredService<LegacyPassThrough>().ForwardAsync(context);
    }
}
