using Sluice.Docs;

namespace Sluice.Security;

/// <summary>
/// Headers that keep Sluice's own answers from being framed (clickjacking the PIN form), sniffed into another type,
/// or leaking their address in a Referer. Pages get a Content-Security-Policy that allows only Sluice's own
/// scripts and styles (the pages keep their styles inline, and the dashboard's script is a file of its own). The
/// API reference (a vendor's page with inline scripts) gets only <c>frame-ancestors</c>. The legacy system's answers,
/// passed through, keep its own headers.
/// </summary>
public static class SecurityHeaders
{
    public const string PagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public const string FramingPolicy = "frame-ancestors 'none'";

    public static WebApplication UseSluiceSecurityHeaders(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (context.Items.ContainsKey(Facade.LegacyPassThrough.ForwardedItem))
                {
                    return Task.CompletedTask;
                }

                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                {
                    headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments(DocsSetup.DocsPath) ? FramingPolicy : PagePolicy;
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
