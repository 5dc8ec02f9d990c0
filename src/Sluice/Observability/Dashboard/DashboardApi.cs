using Sluice.Security;

namespace Sluice.Observability.Dashboard;

/// <summary>Every route under <c>/dashboard</c> the host serves; the handlers are <see cref="DashboardEndpoints"/>.</summary>
public static class DashboardApi
{
    public const string EventsPath = "/dashboard/events";

    public static RouteGroupBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var dashboard = app.MapGroup("/dashboard").WithTag("Dashboard", "The operator's live view of intake and delivery.");
        // The page and its assets hold no data: they are public, and the script sends the caller's token.
        var page = dashboard.MapGroup("").ExcludeFromDescription().AllowAnonymous();
        page.MapGet("/", () => DashboardEndpoints.Asset("index.html", "text/html; charset=utf-8"))
            .WithName("Dashboard")
            .WithSummary("The live dashboard page.");
        page.MapGet("/dashboard.js", () => DashboardEndpoints.Asset("dashboard.js", "text/javascript; charset=utf-8"));
        // Shared with the other pages under /dashboard (the timesheets), which read the same token.
        page.MapGet("/token.js", () => DashboardEndpoints.Asset("token.js", "text/javascript; charset=utf-8"));
        page.MapGet("/dashboard.css", () => DashboardEndpoints.Asset("dashboard.css", "text/css; charset=utf-8"));
        dashboard.MapGet("/events", DashboardEndpoints.Events)
            .AsOperation("DashboardEvents", SluicePolicies.Read, "Server-sent events: a 'snapshot' of intake, destinations, dead letters and recent errors every interval.")
            // A stream lasts as long as the page is open; the request timeout is for reads that should end.
            .DisableRequestTimeout();
        return dashboard;
    }
}
