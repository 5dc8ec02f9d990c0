using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Http;
using Sluice.Intake;
using Sluice.Journal;
using Sluice.Journal.GroupCommit;
using Sluice.Replies;
using Sluice.Replies.Callbacks;

namespace Sluice.Facade;

/// <summary>
/// Stores a request on a store-first route verbatim (method, path and query as sent, the route's headers, the
/// body) and answers only once it is committed. The HTTP sink replays it from the message's metadata.
/// </summary>
internal sealed class StoreFirstIntake(
    IMessageAppender appender, ReplyWaiter waiter, IOptions<RepliesOptions> replies, IOptionsMonitor<CallbacksOptions> callbacks, TimeProvider time)
{
    /// <summary>Request header naming where this request's reply is called back, on routes that allow it.</summary>
    public const string CallbackHeader = "X-Sluice-Callback-Url";

    /// <summary>Header on the answer naming the stored message, so a client or operator can follow it.</summary>
    public const string MessageIdHeader = Replies.ReplyResults.MessageIdHeader;

    /// <summary>Metadata key naming the route a request came through; also marks the message as a stored request.</summary>
    public const string RouteMetadata = "route";

    public async Task<IResult> StoreAsync(HttpContext context, StoreFirstRoute route, RouteValueDictionary values, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var settings = route.Options;
        var errors = new Dictionary<string, string[]>();
        var idempotencyKey = request.Headers.TryGetValue(IdempotencyKeys.Header, out var k) ? k.ToString() : null;
        IdempotencyKeys.Validate(idempotencyKey, errors);

        var body = await ReadBodyAsync(context, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "The body is too large for this route; nothing was stored.",
                detail: $"Route '{route.Name}' stores bodies of at most {settings.MaxBodyBytes} bytes.");
        }

        string? orderingKey = null;
        if (settings.OrderingKey is { } key)
        {
            orderingKey = OrderingKeyReader.Read(key, request, values, body, out var field, out var reason);
            if (orderingKey is null)
            {
                errors[field] = [reason];
            }
        }

        var callbackUrl = CallbackUrl(request, settings.Reply, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The request cannot be stored; nothing was stored.");
        }

        var metadata = Metadata(context, route, await Security.SluiceCredentials.OnAsync(context));
        var now = time.GetUtcNow().TruncatedToMilliseconds();
        var id = Guid.CreateVersion7(now);
        var claim = idempotencyKey is null ? null : new IdempotencyClaim($"route:{route.Name}", idempotencyKey, Hash(metadata, request.ContentType, body));
        AddReplySettings(metadata, settings.Reply);
        if (callbackUrl is not null)
        {
            metadata[ReplyMetadata.CallbackUrl] = callbackUrl.AbsoluteUri;
            metadata[ReplyMetadata.CallbackFrom] = settings.Destinations[0];
        }

        var message = new NewMessage(id, settings.Kind, body, request.ContentType ?? "application/octet-stream", settings.Destinations, now)
        {
            OrderingKey = orderingKey,
            Metadata = metadata,
            Idempotency = claim,
        };

        using var wait = waiter.Begin(context, settings.Reply.MaxWait ?? replies.Value.MaxWait, settings.Destinations[0]);
        wait?.Listen(id);
        var result = await appender.AppendAsync(message, cancellationToken);
        if (result.Outcome == AppendOutcome.IdempotencyConflict)
        {
            return IdempotencyKeys.Conflict(result);
        }

        if (wait is not null && await wait.AnswerAsync(result, cancellationToken) is { } answer)
        {
            return answer;
        }

        return new StoredResult(settings.Response, result);
    }

    /// <summary>The request's own callback URL where the route allows one, else the route's; only to allowed hosts.</summary>
    private Uri? CallbackUrl(HttpRequest request, RouteReplyOptions reply, Dictionary<string, string[]> errors)
    {
        if (!request.Headers.TryGetValue(CallbackHeader, out var header))
        {
            return reply.CallbackUrl;
        }

        if (!reply.AllowCallbackHeader)
        {
            errors[CallbackHeader] = ["This route does not take a callback URL from the request."];
            return null;
        }

        if (!Uri.TryCreate(header.ToString(), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            errors[CallbackHeader] = ["Use an absolute http or https URL."];
            return null;
        }

        if (!callbacks.CurrentValue.Allows(url))
        {
            errors[CallbackHeader] = [$"Callbacks may only go to hosts the operator allowed; '{url.Authority}' is not one of them."];
            return null;
        }

        return url;
    }

    /// <summary>The route's reply settings travel with the message to the sink that keeps the answer.</summary>
    /// <remarks>Added after the idempotency hash: they are the route's, not the request's.</remarks>
    private static void AddReplySettings(Dictionary<string, string> metadata, RouteReplyOptions reply)
    {
        if (reply.MaxBodyBytes is { } max)
        {
            metadata[ReplyMetadata.MaxBodyBytes] = max.ToString(CultureInfo.InvariantCulture);
        }

        if (reply.Headers is { } headers)
        {
            metadata[ReplyMetadata.Headers] = string.Join(',', headers);
        }
    }

    /// <summary>Method, the path and query exactly as the client sent them, and the route's headers.</summary>
    private static Dictionary<string, string> Metadata(HttpContext context, StoreFirstRoute route, IReadOnlyList<string> sluiceCredentials)
    {
        var request = context.Request;
        var raw = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [RouteMetadata] = route.Name,
        };
        // A route may list Authorization for the legacy system's own credentials; Sluice's are never stored or replayed.
        var headers = route.Headers.Where(h => !sluiceCredentials.Contains(h, StringComparer.OrdinalIgnoreCase))
            .Where(request.Headers.ContainsKey)
            .Select(h => KeyValuePair.Create(h, request.Headers[h].ToString()));
        HttpRequestMetadata.Write(
            metadata,
            request.Method,
            raw is { Length: > 0 } && raw[0] == '/' ? raw : request.Path.ToUriComponent() + request.QueryString.ToUriComponent(),
            headers);
        return metadata;
    }

    /// <returns>The body, or null when it is larger than <paramref name="limit"/>.</returns>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context, long limit, CancellationToken cancellationToken)
    {
        if (context.Request.ContentLength > limit)
        {
            return null;
        }

        // Kestrel's own cap (30 MB) must not refuse a body the route allows.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } cap)
        {
            cap.MaxRequestBodySize = limit + 1;
        }

        var stream = context.Request.Body;
        if (context.Request.ContentLength is { } length)
        {
            // The common case: the size is announced, so the body is read into an array of exactly that size.
            var body = new byte[length];
            await stream.ReadExactlyAsync(body, cancellationToken);
            return body;
        }

        // Chunked: grow as it comes, starting small (a 64 KB buffer per request was most of what a request allocated).
        var buffer = new ArrayBufferWriter<byte>(4 * 1024);
        while (true)
        {
            var read = await stream.ReadAsync(buffer.GetMemory(4 * 1024), cancellationToken);
            if (read == 0)
            {
                return buffer.WrittenSpan.ToArray();
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }

    /// <summary>What makes two requests under one idempotency key "the same": everything that is replayed.</summary>
    private static byte[] Hash(Dictionary<string, string> metadata, string? contentType, byte[] body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (name, value) in metadata.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes($"{name}\n{value}\n"));
        }

        hash.AppendData(Encoding.UTF8.GetBytes($"{contentType}\n"));
        hash.AppendData(body);
        return hash.GetHashAndReset();
    }

    /// <summary>The route's configured answer (a receipt by default), for a new or a repeated request alike.</summary>
    private sealed class StoredResult(RouteResponseOptions response, AppendResult stored) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            var answer = context.Response;
            answer.StatusCode = response.Status;
            foreach (var (name, value) in response.Headers)
            {
                answer.Headers[name] = Fill(value);
            }

            answer.Headers[MessageIdHeader] = stored.MessageId.ToString();
            if (response.Body is null)
            {
                if (!response.Headers.ContainsKey("Location"))
                {
                    // The asynchronous request-reply pattern: the client polls here until the legacy system's answer is in.
                    answer.Headers.Location = $"{StoreFirstRequestsApi.Prefix}/{stored.MessageId}/reply";
                }

                return TypedResults.Json(
                    new StoreFirstReceipt(stored.MessageId, stored.ReceivedAt, "stored"),
                    FacadeJsonContext.Default.StoreFirstReceipt,
                    statusCode: response.Status).ExecuteAsync(context);
            }

            answer.ContentType = response.ContentType;
            return answer.WriteAsync(Fill(response.Body), context.RequestAborted);
        }

        private string Fill(string template) => template
            .Replace("{id}", stored.MessageId.ToString(), StringComparison.Ordinal)
            .Replace("{receivedAt}", stored.ReceivedAt.ToString("O", CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}

/// <summary>The default answer of a store-first route.</summary>
public sealed record StoreFirstReceipt(Guid Id, DateTimeOffset ReceivedAt, string Status);
