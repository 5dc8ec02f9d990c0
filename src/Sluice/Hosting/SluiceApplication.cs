using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Sluice.Delivery;
using Sluice.Legacy;
using Sluice.Operations;
using Sluice.Punches;
using Sluice.Punches.Adms;
using Sluice.Punches.Exports;
using Sluice.Punches.Ledger;
using Sluice.Punches.Receipts;
using Sluice.Punches.Registry;
using Sluice.Punches.WebPage;

namespace Sluice.Hosting;

public static class SluiceApplication
{
    public static WebApplicationBuilder AddSluice(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<SluiceExceptionHandler>();

        // Malformed bodies throw instead of answering an empty 400, so the handler can name the field.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, SluiceJsonContext.Default));

        builder.AddSluiceJournal();
        builder.AddLegacySystem();
        services.AddSluiceDelivery();
        builder.AddPunches();
        services.AddHealthChecks().AddCheck<JournalHealthCheck>("journal", tags: ["ready"]);
        services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseSluice(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });
        app.MapOpenApi();
        app.MapPunchesApi();
        app.MapRegistryApi();
        app.MapLedgerApi();
        app.MapReceiptsApi();
        app.MapPunchPage();
        app.MapExportsApi();
        app.MapAdms();
        app.MapDestinationsApi();
        app.MapDeadLettersApi();
        if (app.Configuration.GetValue<bool>("Benchmark:NoopEndpoint"))
        {
            app.MapBenchmarkBaseline();
        }

        return app;
    }
}
