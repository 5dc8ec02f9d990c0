using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Assets;
using Sluice.Security;

namespace Sluice.Observability.Dashboard;

/// <summary>
/// <c>/dashboard</c>: one server-rendered page with a small script, fed by a server-sent event stream.
/// The script reads the stream with <c>fetch</c> (not <c>EventSource</c>) so that it can send an
/// <c>Authorization</c> header once endpoints require credentials.
/// </summary>
public static class DashboardEndpoints
{
    internal static ServerSentEventsResult<DashboardSnapshot> Events(
        DashboardFeed feed, IHostApplicationLifetime lifetime, HttpContext context)
    {
        // The stream would otherwise hold the server's shutdown open until its timeout.
        var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        context.Response.RegisterForDispose(stop);
        context.Response.Headers.CacheControl = "no-cache";
        return TypedResults.ServerSentEvents(feed.StreamAsync(stop.Token), eventType: "snapshot");
    }

    internal static FileContentHttpResult Asset(string name, string contentType) =>
        EmbeddedAssets.File(typeof(DashboardEndpoints).Assembly, $"Sluice.Dashboard.{name}", contentType, "dashboard");
}
