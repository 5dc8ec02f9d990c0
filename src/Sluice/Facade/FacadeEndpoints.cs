using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Sluice.Facade;

/// <summary>The strangler-fig front: every request no Sluice endpoint takes is stored (store-first route) or forwarded.</summary>
public static class FacadeEndpoints
{
    internal static async Task HandleAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var owned = services.GetRequiredService<OwnedRoutes>();
        if (owned.Refusal(context.Request) is { } refusal)
        {
            await refusal.ExecuteAsync(context);
            return;
        }

        var path = context.Request.Path.Value is { Length: > 0 } value ? value : "/";
        var canonical = CanonicalPath.Of(path);
        if (owned.Owns(canonical))
        {
            // Sluice's path, spelled so routing missed it (//api/keys, /api/keys;x, /api%2Fkeys), or below one of its
            // roots with nothing there: never the legacy system's, whose reading of the spelling may differ.
            var respelled = !string.Equals(canonical, path.TrimEnd('/'), StringComparison.OrdinalIgnoreCase);
            IResult answer = respelled
                ? TypedResults.ValidationProblem(
                    new Dictionary<string, string[]> { ["path"] = [$"'{path}' is a different spelling of Sluice's '{canonical}'; send it as that."] },
                    title: "The path is not in canonical form.")
                : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such endpoint.");
            await answer.ExecuteAsync(context);
            return;
        }

        var table = services.GetRequiredService<StoreFirstRouteTable>();
        if (table.Match(context.Request, out var values) is { } route)
        {
            if (route.Options.Policy is { } policy && !await AuthorizeAsync(context, policy))
            {
                return;
            }

            var result = await services.GetRequiredService<StoreFirstIntake>().StoreAsync(context, route, values, context.RequestAborted);
            await result.ExecuteAsync(context);
            return;
        }

        var options = services.GetRequiredService<IOptions<FacadeOptions>>().Value;
        if (!options.PassThrough || NeverForwarded(canonical, options) || owned.IsNearMiss(canonical))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such endpoint.").ExecuteAsync(context);
            return;
        }

        await services.GetRequiredService<LegacyPassThrough>().ForwardAsync(context);
    }

    /// <summary>The simulator's controls, and the configured paths, with everything under them.</summary>
    private static bool NeverForwarded(string canonical, FacadeOptions options) =>
        options.NeverForward.Prepend(SimulatorPrefix).Select(CanonicalPath.Of).Any(p =>
            canonical.Equals(p, StringComparison.Ordinal) || canonical.StartsWith(p.TrimEnd('/') + "/", StringComparison.Ordinal));

    /// <summary>Where the legacy simulator keeps its log and controls; a real legacy system has no such path.</summary>
    private const string SimulatorPrefix = "/_sim";

    /// <summary>Challenges (401) or forbids (403) a caller who does not meet the route's policy; true when they do.</summary>
    private static async Task<bool> AuthorizeAsync(HttpContext context, string policy)
    {
        var result = await context.RequestServices.GetRequiredService<IAuthorizationService>().AuthorizeAsync(context.User, policy);
        if (result.Succeeded)
        {
            return true;
        }

        if (context.User.Identity?.IsAuthenticated == true)
        {
            await context.ForbidAsync();
        }
        else
        {
            await context.ChallengeAsync();
        }

        return false;
    }
}
