using System.Reflection;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Security;

namespace Sluice.Observability.Dashboard;

/// <summary>
/// <c>/dashboard</c>: one server-rendered page with a small script, fed by a server-sent event stream.
/// The script reads the stream with <c>fetch</c> (not <c>EventSource</c>) so that it can send an
/// <c>Authorization</c> header once endpoints require credentials.
/// </summary>
public static class DashboardApi
{
    public const string EventsPath = "/dashboard/events";

    public static RouteGroupBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/dashboard").WithTags("Dashboard");
        // The page and its assets hold no data: they are public, and the script sends the caller's token.
        dashboard.MapGet("/", () => Asset("index.html", "text/html; charset=utf-8"))
            .WithName("Dashboard")
            .WithSummary("The live dashboard page.")
            .ExcludeFromDescription()
            .AllowAnonymous();
        dashboard.MapGet("/dashboard.js", () => Asset("dashboard.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        // Shared with the other pages under /dashboard (the timesheets), which read the same token.
        dashboard.MapGet("/token.js", () => Asset("token.js", "text/javascript; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        dashboard.MapGet("/dashboard.css", () => Asset("dashboard.css", "text/css; charset=utf-8")).ExcludeFromDescription().AllowAnonymous();
        dashboard.MapGet("/events", Events)
            .WithName("DashboardEvents")
            .WithSummary("Server-sent events: a 'snapshot' of intake, destinations, dead letters and recent errors every interval.")
            .RequireSluicePolicy(SluicePolicies.Read)
            // A stream lasts as long as the page is open; the request timeout is for reads that should end.
            .DisableRequestTimeout();
        return dashboard;
    }

    internal static ServerSentEventsResult<DashboardSnapshot> Events(
        DashboardFeed feed, IHostApplicationLifetime lifetime, HttpContext context)
    {
        // The stream would otherwise hold the server's shutdown open until its timeout.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(stop);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(feed.StreamAsync(stop.Token), eventType: "snapshot");
    }

    private static FileContentHttpResult Asset(string name, string contentType)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Sluice.Dashboard.{name}")
            ?? throw new InvalidOperationException($"The dashboard asset {name} is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return TypedResults.File(copy.ToArray(), contentType);
    }
}
