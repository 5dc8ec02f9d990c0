using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Sluice.Delivery;
using Sluice.Docs;
using Sluice.Facade;
using Sluice.Legacy;
using Sluice.Limits;
using Sluice.Observability;
using Sluice.Operations;
using Sluice.Orders;
using Sluice.Proxies;
using Sluice.Punches;
using Sluice.Replies;
using Sluice.Security;

namespace Sluice.Hosting;

public static class SluiceApplication
{
    public static WebApplicationBuilder AddSluice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Outside Development an unexpected failure is a bare 500 problem: no exception type, message or stack trace
        // for an attacker to read the code from.
        services.AddProblemDetails(o => o.CustomizeProblemDetails = c =>
        {
            if (!c.HttpContext.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
            {
                c.ProblemDetails.Extensions.Remove("exception");
                if (c.ProblemDetails.Status == StatusCodes.Status500InternalServerError && c.Exception is not null)
                {
                    c.ProblemDetails.Detail = null;
                }
            }
        });
        services.AddExceptionHandler<SluiceExceptionHandler>();

        // Malformed bodies throw instead of answering an empty 400, so the handler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, SluiceJsonContext.Default);
            // {"a":1,"a":2} is refused (400), not read as the last value: a checker and a consumer reading different
            // values of one field is how requests get smuggled past validation.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });

        builder.AddSluiceShutdown();
        builder.AddSluiceProxies();
        builder.AddSluiceSecurity();
        builder.AddSluiceLimits();
        builder.AddSluiceJournal();
        builder.AddLegacySystem();
        services.AddSluiceDelivery();
        builder.AddReplies();
        builder.AddPunches();
        builder.AddFacade();
        builder.AddOrders();
        services.AddHealthChecks().AddCheck<JournalHealthCheck>("journal", tags: ["ready"]);
        services.AddSluiceDocs();
        builder.AddSluiceObservability();
        return builder;
    }

    public static WebApplication UseSluice(this WebApplication app)
    {
        app.UseSluiceProxies();
        app.UseSluiceSecurityHeaders();

        // Status code pages sit outside everything that answers with an empty error (401, 403, 413, 504), so
        // each of those reaches the client as problem details too.
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        // After authentication, so each API key or person has its own bucket; before authorization, so a
        // flood of bad credentials is limited by address as well.
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseRequestTimeouts();

        // Probes carry no credentials and must answer even when a caller exhausts its rate.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") })
            .AllowAnonymous().DisableRateLimiting();
        app.MapSluiceDocs();
        app.MapPunches();
        app.MapOrders();
        app.MapDestinationsApi();
        app.MapDeadLettersApi();
        app.MapApiKeysApi();
        app.UseSluiceObservability();
        app.MapStoreFirstRequestsApi();

        // Last, and at the lowest precedence: whatever the endpoints above do not take.
        app.MapFacadeApi();

        return app;
    }
}
