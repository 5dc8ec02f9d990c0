using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Sinks.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms.Builder;

namespace Sluice.Facade;

/// <summary>
/// Forwards a request Sluice does not own to the legacy system with YARP's forwarder: method, path, query,
/// headers and body go through as they came, streamed both ways; hop-by-hop headers are dropped and
/// X-Forwarded-For/Proto/Host/Prefix added. The legacy address is read per request because the in-process
/// simulator only has one once it has started.
/// </summary>
internal sealed partial class LegacyPassThrough : IDisposable
{
    private readonly IHttpForwarder _forwarder;
    private readonly ILegacyEndpoint _legacy;
    private readonly IProblemDetailsService _problems;
    private readonly ILogger<LegacyPassThrough> _logger;
    private readonly HttpMessageInvoker _client;
    private readonly HttpTransformer _transformer;
    private readonly ForwarderRequestConfig _config;

    public LegacyPassThrough(
        IHttpForwarder forwarder, ITransformBuilder transforms, ILegacyEndpoint legacy, IProblemDetailsService problems,
        IOptions<FacadeOptions> options, ILogger<LegacyPassThrough> logger)
    {
        _forwarder = forwarder;
        _legacy = legacy;
        _problems = problems;
        _logger = logger;

        // As YARP recommends for a proxy: no cookies, redirects, decompression or system proxy of its own, and a
        // short connect timeout so a legacy system that is down answers 502 quickly instead of hanging the client.
        _client = new HttpMessageInvoker(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            EnableMultipleHttp2Connections = true,
            ActivityHeadersPropagator = new ReverseProxyPropagator(DistributedContextPropagator.Current),
            ConnectTimeout = options.Value.ConnectTimeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        });

        // The default transforms: X-Forwarded-* added, the original Host not passed on.
        _transformer = transforms.Create(_ => { });
        _config = new ForwarderRequestConfig { ActivityTimeout = options.Value.ActivityTimeout };
    }

    public async Task ForwardAsync(HttpContext context)
    {
        // The legacy system's answer is passed on as it is, an empty 404 included: no status-code page added.
        if (context.Features.Get<IStatusCodePagesFeature>() is { } pages)
        {
            pages.Enabled = false;
        }

        if (_legacy.BaseAddress is not { } legacy)
        {
            await WriteProblemAsync(context, StatusCodes.Status502BadGateway, "The legacy system's address is not known yet.", null);
            return;
        }

        var error = await _forwarder.SendAsync(context, legacy.AbsoluteUri, _client, _config, _transformer);
        if (error == ForwarderError.None)
        {
            return;
        }

        var failure = context.GetForwarderErrorFeature()?.Exception;
        LogForwardFailed(context.Request.Method, context.Request.Path, error, failure?.Message);
        if (!context.Response.HasStarted)
        {
            var status = error == ForwarderError.RequestTimedOut ? StatusCodes.Status504GatewayTimeout : StatusCodes.Status502BadGateway;
            await WriteProblemAsync(context, status, Title(error), failure?.Message);
        }
    }

    public void Dispose() => _client.Dispose();

    private static string Title(ForwarderError error) => error switch
    {
        ForwarderError.RequestTimedOut => "The legacy system did not answer in time.",
        ForwarderError.Request => "The legacy system cannot be reached.",
        ForwarderError.RequestBodyClient or ForwarderError.RequestCanceled => "The client stopped sending the request.",
        _ => "The legacy system's answer could not be passed on.",
    };

    private async Task WriteProblemAsync(HttpContext context, int status, string title, string? detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        await _problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Forwarding {Method} {Path} to the legacy system failed ({Error}): {Reason}")]
    private partial void LogForwardFailed(string method, string path, ForwarderError error, string? reason);
}
