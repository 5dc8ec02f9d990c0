using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Sluice.Proxies;
using Sluice.Security;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Sinks.Http;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Transforms;
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
        TrustedProxies proxies, IOptions<FacadeOptions> options, ILogger<LegacyPassThrough> logger)
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

        // The default transforms (X-Forwarded-* set from the connection, the original Host not passed on), less
        // Sluice's own credentials, and less a client's claims about its address unless a known proxy made them.
        _transformer = transforms.Create(builder => builder.AddRequestTransform(async transform =>
        {
            var headers = transform.ProxyRequest.Headers;
            foreach (var credential in await SluiceCredentials.OnAsync(transform.HttpContext))
            {
                headers.Remove(credential);
            }

            if (!proxies.IsTrusted(transform.HttpContext))
            {
                headers.Remove("X-Real-IP");
                headers.Remove("Forwarded");
            }
        }));
        _config = new ForwarderRequestConfig { ActivityTimeout = options.Value.ActivityTimeout };
    }

    /// <summary>Set on a request whose answer is the legacy system's, which Sluice passes on without headers of its own.</summary>
    public const string ForwardedItem = "sluice:forwarded";

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

        if (context.Request.ContentLength > context.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize)
        {
            await WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.", null);
            return;
        }

        context.Items[ForwardedItem] = true;
        var error = await _forwarder.SendAsync(context, legacy.AbsoluteUri, _client, _config, _transformer);
        if (error == ForwarderError.None)
        {
            return;
        }

        var failure = context.GetForwarderErrorFeature()?.Exception;
        LogForwardFailed(context.Request.Method, context.Request.Path, error, failure?.Message);
        if (!context.Response.HasStarted)
        {
            var status = error switch
            {
                ForwarderError.RequestTimedOut => StatusCodes.Status504GatewayTimeout,
                // A chunked body that grew past the limit while it streamed: the client's fault, not the legacy system's.
                ForwarderError.RequestBodyClient when TooLarge(failure) => StatusCodes.Status413PayloadTooLarge,
                _ => StatusCodes.Status502BadGateway,
            };
            var title = status == StatusCodes.Status413PayloadTooLarge ? "The request body is too large." : Title(error);
            await WriteProblemAsync(context, status, title, failure?.Message);
        }
    }

    public void Dispose() => _client.Dispose();

    /// <summary>Kestrel's refusal of a body past the limit, however deep the forwarder wrapped it.</summary>
    private static bool TooLarge(Exception? failure) => failure switch
    {
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(TooLarge),
        { InnerException: { } inner } => TooLarge(inner),
        _ => false,
    };

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
