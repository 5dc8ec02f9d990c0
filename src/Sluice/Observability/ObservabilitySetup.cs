using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using Sluice.Delivery.Engine;
using Sluice.Journal.GroupCommit;
using Sluice.Observability.Dashboard;
using Sluice.Security;

namespace Sluice.Observability;

public static class ObservabilitySetup
{
    public const string MetricsPath = "/metrics";

    /// <summary>Metrics (OpenTelemetry, exported as Prometheus text), JSON logs on request, and the dashboard's services.</summary>
    public static WebApplicationBuilder AddSluiceObservability(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ObservabilityOptions>()
            .BindConfiguration(ObservabilityOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<JournalSnapshotCache>();
        services.AddSingleton<IntakeCounter>();
        services.AddSingleton<DashboardFeed>();
        services.AddSingleton<DeadLetterSubjects>();
        services.AddSingleton<RecentErrors>();
        services.AddSingleton<RecentReplies>();
        services.AddHostedService(sp => sp.GetRequiredService<RecentReplies>());
        builder.Logging.Services.AddSingleton<ILoggerProvider>(sp => sp.GetRequiredService<RecentErrors>());

        // `Logging:Format=json`: one JSON object per line for log shippers. (`Logging:Console:FormatterName=json`,
        // the framework's own switch, works too; this one also sets UTC ISO-8601 timestamps.)
        if (string.Equals(builder.Configuration["Logging:Format"], "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.IncludeScopes = true;
            });
            services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
        }

        // Read here, not through IOptions: whether to listen for spans at all is decided while the services are built.
        // A value that cannot be read throws the binder's error, which start-up reports with the setting's name.
        var tracing = builder.Configuration.GetSection(TracingOptions.Section).Get<TracingOptions>() ?? new TracingOptions();
        var openTelemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(tracing.ServiceName, serviceInstanceId: builder.Configuration["Delivery:NodeId"]));
        openTelemetry.AddSluiceTracing(tracing);
        openTelemetry.WithMetrics(metrics => metrics
            .AddMeter(JournalMetrics.MeterName, DeliveryMetrics.MeterName, GatewayMetrics.MeterName)
            // ASP.NET Core's own instruments: request rate and latency per route (intake included).
            .AddMeter("Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            .AddPrometheusExporter());
        return builder;
    }

    public static WebApplication UseSluiceObservability(this WebApplication app)
    {
        // Counting starts with the host, not at the first dashboard.
        app.Services.GetRequiredService<IntakeCounter>();
        var cache = app.Services.GetRequiredService<JournalSnapshotCache>();
        GatewayMetrics.Track(cache);
        app.Lifetime.ApplicationStopped.Register(() => GatewayMetrics.Untrack(cache));

        // Before each scrape, refresh the journal counts (cached: a storm of scrapes costs one query per period).
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            await context.RequestServices.GetRequiredService<JournalSnapshotCache>().GetAsync(context.RequestAborted);
            await next(context);
        }), optionsName: null)
            .WithDisplayName("Prometheus metrics")
            .RequireSluicePolicy(SluicePolicies.Read);
        app.MapDashboardApi();
        return app;
    }
}
