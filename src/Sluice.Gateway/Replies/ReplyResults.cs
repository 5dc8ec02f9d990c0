using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace Sluice.Replies;

/// <summary>How a finished delivery is answered to the client, whether it waited (<c>Prefer: wait</c>) or polled.</summary>
internal static class ReplyResults
{
    /// <summary>Marks an answer whose body was cut at the configured cap.</summary>
    public const string TruncatedHeader = "X-Sluice-Reply-Truncated";

    /// <summary>Names the stored message on every answer, so a client can poll it or quote it.</summary>
    public const string MessageIdHeader = "X-Sluice-Message-Id";

    // Framing is Kestrel's to set for the body we write; a listed Content-Length would not match a truncated body.
    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ContentLength, HeaderNames.ContentType, HeaderNames.TransferEncoding, HeaderNames.Connection,
        HeaderNames.KeepAlive, HeaderNames.Upgrade, HeaderNames.Trailer, HeaderNames.ProxyConnection,
    };

    /// <summary>The legacy system's answer as it came; a dead letter as a problem naming its last error.</summary>
    public static FinishedResult Finished(FinishedReply finished, string? preferenceApplied = null) => new(finished, preferenceApplied);

    internal static IResult For(FinishedReply finished, string? preferenceApplied)
    {
        if (!finished.Delivered)
        {
            return new WithHeaders(TypedResults.Problem(
                statusCode: StatusCodes.Status502BadGateway,
                title: "The legacy system did not take the request: it is a dead letter.",
                detail: finished.LastError,
                extensions: new Dictionary<string, object?>
                {
                    ["messageId"] = finished.MessageId,
                    ["destination"] = finished.Destination,
                    ["replyStatus"] = finished.Reply?.Status,
                }), finished.MessageId, preferenceApplied);
        }

        return finished.Reply is null
            ? new WithHeaders(TypedResults.NoContent(), finished.MessageId, preferenceApplied)
            : new ReplyResult(finished, preferenceApplied);
    }

    /// <summary>A finished delivery's answer; a concrete type so handlers can name it in their <c>Results</c> union.</summary>
    internal sealed class FinishedResult(FinishedReply finished, string? preferenceApplied) : IResult
    {
        public Task ExecuteAsync(HttpContext context) => For(finished, preferenceApplied).ExecuteAsync(context);
    }

    /// <summary>Writes the kept reply: its status, its listed headers, its body.</summary>
    private sealed class ReplyResult(FinishedReply finished, string? preferenceApplied) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            var reply = finished.Reply!;
            var response = context.Response;
            response.StatusCode = reply.Status;
            foreach (var (name, value) in reply.Headers)
            {
                if (!NotCopied.Contains(name))
                {
                    response.Headers[name] = value;
                }
            }

            Mark(response, finished.MessageId, preferenceApplied);
            if (reply.Truncated)
            {
                response.Headers[TruncatedHeader] = "true";
            }

            if (reply.ContentType is { } contentType)
            {
                response.ContentType = contentType;
            }

            response.ContentLength = reply.Body.Length;
            await response.Body.WriteAsync(reply.Body, context.RequestAborted);
        }
    }

    private sealed class WithHeaders(IResult inner, Guid messageId, string? preferenceApplied) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            Mark(context.Response, messageId, preferenceApplied);
            return inner.ExecuteAsync(context);
        }
    }

    public static void Mark(HttpResponse response, Guid messageId, string? preferenceApplied)
    {
        response.Headers[MessageIdHeader] = messageId.ToString();
        if (preferenceApplied is not null)
        {
            response.Headers[PreferWait.AppliedHeader] = preferenceApplied;
            response.Headers.Append(HeaderNames.Vary, PreferWait.Header);
        }
    }

    /// <summary>Seconds for <c>Retry-After</c>: until the next attempt when one is scheduled, else one second.</summary>
    public static string RetryAfter(DateTimeOffset? nextAttemptAt, DateTimeOffset now)
    {
        var seconds = nextAttemptAt is { } next && next > now ? Math.Ceiling((next - now).TotalSeconds) : 1;
        return Math.Clamp(seconds, 1, 3600).ToString(CultureInfo.InvariantCulture);
    }
}
