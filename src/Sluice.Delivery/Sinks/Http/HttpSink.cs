using System.Net;
using System.Net.Http.Headers;
using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.Http;

/// <summary>Sends a message as one HTTP request and classifies the answer.</summary>
/// <remarks>
/// 2xx is delivered. 408, 429, 5xx, timeouts and connection errors are transient. Any other 4xx means
/// the system understood the request and refused it: sending it again cannot help, so it is permanent.
/// Every request carries <c>Idempotency-Key</c> = the message id, so a repeat is recognisable downstream.
/// </remarks>
internal sealed class HttpSink(HttpClient client, HttpSinkOptions options, ILegacyEndpoint legacy) : IDeliverySink
{
    private const int ErrorBodyLimit = 512;

    public async ValueTask<SendResult> SendAsync(LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = BuildRequest(delivery);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            return SendResult.Transient($"Connection failed: {ex.Message}");
        }

        using (response)
        {
            if (response.IsSuccessStatusCode)
            {
                return SendResult.Success;
            }

            var error = await DescribeAsync(response, cancellationToken);
            return IsTransient(response.StatusCode)
                ? SendResult.Transient(error, RetryAfter(response))
                : SendResult.Permanent(error);
        }
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    private HttpRequestMessage BuildRequest(LeasedDelivery delivery)
    {
        var metadata = delivery.Metadata;
        var baseUrl = options.BaseUrl ?? legacy.BaseAddress
            ?? throw new InvalidOperationException("No base URL: set the destination's BaseUrl or Legacy:BaseUrl.");
        var path = metadata.TryGetValue(HttpMetadata.PathAndQuery, out var p) ? p : options.Path;
        var method = metadata.TryGetValue(HttpMetadata.Method, out var m) ? m : options.Method;
        var request = new HttpRequestMessage(new HttpMethod(method), Combine(baseUrl, path));
        if (!delivery.Payload.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(delivery.Payload);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(delivery.ContentType);
        }

        foreach (var (key, value) in metadata)
        {
            if (key.StartsWith(HttpMetadata.HeaderPrefix, StringComparison.Ordinal))
            {
                var name = key[HttpMetadata.HeaderPrefix.Length..];
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        request.Headers.Remove("Idempotency-Key");
        request.Headers.TryAddWithoutValidation("Idempotency-Key", delivery.MessageId.ToString());
        request.Headers.TryAddWithoutValidation("X-Sluice-Attempt", delivery.Attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return request;
    }

    private static Uri Combine(Uri baseUrl, string pathAndQuery)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
    }

    private static async Task<string> DescribeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var summary = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            return string.IsNullOrWhiteSpace(body)
                ? summary
                : $"{summary}: {(body.Length > ErrorBodyLimit ? body[..ErrorBodyLimit] + "…" : body)}";
        }
        catch (HttpRequestException)
        {
            return summary;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date && date > DateTimeOffset.UtcNow ? date - DateTimeOffset.UtcNow : null;
    }
}
