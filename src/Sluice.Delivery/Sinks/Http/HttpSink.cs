using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.Http;

/// <summary>Sends a message as one HTTP request, or several as one batch request, and classifies the answer.</summary>
/// <remarks>
/// 2xx is delivered. 408, 429, 5xx, timeouts and connection errors are transient (429 and 503 also say the system is
/// overloaded). Any other 4xx means the system understood the request and refused it: sending it again cannot help,
/// so it is permanent. Every request carries <c>Idempotency-Key</c> = the message id, so a repeat is recognisable
/// downstream; a batch carries one derived from its messages' ids, and lists them in <c>X-Sluice-Batch-Keys</c>.
/// </remarks>
internal sealed class HttpSink(HttpClient client, HttpSinkOptions options, ILegacyEndpoint legacy, IReadOnlyList<IPayloadShaper> shapers)
    : IBatchDeliverySink
{
    private const int ErrorBodyLimit = 512;

    public async ValueTask<SendResult> SendAsync(LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        delivery = Shaped(delivery);
        var metadata = delivery.Metadata;
        var path = metadata.TryGetValue(HttpMetadata.PathAndQuery, out var p) ? p : options.Path;
        var method = metadata.TryGetValue(HttpMetadata.Method, out var m) ? m : options.Method;
        using var request = NewRequest(method, path, delivery.MessageId.ToString(), delivery.Attempt);
        if (!delivery.Payload.IsEmpty)
        {
            request.Content = new ReadOnlyMemoryContent(delivery.Payload);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(delivery.ContentType);
        }

        foreach (var (key, value) in metadata)
        {
            if (key.StartsWith(HttpMetadata.HeaderPrefix, StringComparison.Ordinal)
                && !string.Equals(key[HttpMetadata.HeaderPrefix.Length..], "Idempotency-Key", StringComparison.OrdinalIgnoreCase))
            {
                var name = key[HttpMetadata.HeaderPrefix.Length..];
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }
        }

        return await ExchangeKeepingReplyAsync(request, options.Reply.For(metadata), cancellationToken);
    }

    /// <summary>Sends one message's request and keeps the answer as its reply, whatever the answer was.</summary>
    private Task<SendResult> ExchangeKeepingReplyAsync(
        HttpRequestMessage request, (int MaxBodyBytes, IReadOnlyList<string> Headers) keep, CancellationToken cancellationToken) =>
        ExchangeAsync(client, request, async response =>
        {
            DeliveryReply reply;
            try
            {
                reply = await HttpReply.ReadAsync(response, keep.MaxBodyBytes, keep.Headers, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                // The body broke off: the answer is incomplete, so the send counts as failed and is tried again.
                return SendResult.Transient($"HTTP {(int)response.StatusCode}: the answer broke off: {ex.Message}");
            }

            var result = response.IsSuccessStatusCode
                ? SendResult.Success
                : Classify(response.StatusCode, Describe(response, reply), RetryAfter(response));
            return result with { Reply = reply };
        }, cancellationToken);

    /// <remarks>
    /// A message that carries its own request (a store-first route's: method, path, headers) is replayed on its own,
    /// exactly as it came; the others go together to the batch path.
    /// </remarks>
    public async ValueTask<IReadOnlyList<SendResult>> SendBatchAsync(IReadOnlyList<LeasedDelivery> deliveries, CancellationToken cancellationToken)
    {
        if (!deliveries.Any(CarriesRequest))
        {
            return await SendAsOneAsync(deliveries, cancellationToken);
        }

        var results = new SendResult[deliveries.Count];
        var batched = Enumerable.Range(0, deliveries.Count).Where(i => !CarriesRequest(deliveries[i])).ToList();
        var alone = Enumerable.Range(0, deliveries.Count).Where(i => CarriesRequest(deliveries[i]))
            .Select(async i => results[i] = await SendAsync(deliveries[i], cancellationToken));
        async Task SendTogetherAsync()
        {
            var each = await SendAsOneAsync(batched.Select(i => deliveries[i]).ToList(), cancellationToken);
            for (var j = 0; j < batched.Count; j++)
            {
                results[batched[j]] = each[j];
            }
        }

        await Task.WhenAll(batched.Count == 0 ? alone : alone.Append(SendTogetherAsync()));
        return results;
    }

    /// <summary>The delivery with the body the first shaper that claims it gives; a store-first request is never reshaped.</summary>
    private LeasedDelivery Shaped(LeasedDelivery delivery)
    {
        if (shapers.Count == 0 || CarriesRequest(delivery))
        {
            return delivery;
        }

        foreach (var shaper in shapers)
        {
            if (shaper.Shape(delivery) is { } body)
            {
                return delivery with { Payload = body };
            }
        }

        return delivery;
    }

    private static bool CarriesRequest(LeasedDelivery delivery) =>
        delivery.Metadata.ContainsKey(HttpMetadata.PathAndQuery) || delivery.Metadata.ContainsKey(HttpMetadata.Method);

    private async ValueTask<IReadOnlyList<SendResult>> SendAsOneAsync(IReadOnlyList<LeasedDelivery> deliveries, CancellationToken cancellationToken)
    {
        var batch = options.Batch;
        using var request = NewRequest(options.Method, batch.Path ?? options.Path, HttpBatch.Key(deliveries), deliveries.Max(d => d.Attempt));
        request.Headers.TryAddWithoutValidation(HttpMetadata.BatchKeysHeader, string.Join(',', deliveries.Select(d => d.MessageId)));
        request.Content = HttpBatch.Body([.. deliveries.Select(Shaped)], batch);

        string? body = null;
        var result = await ExchangeAsync(client, request, async response =>
        {
            if (!response.IsSuccessStatusCode)
            {
                return Classify(response.StatusCode, await DescribeAsync(response, cancellationToken), RetryAfter(response));
            }

            body = await response.Content.ReadAsStringAsync(cancellationToken);
            return SendResult.Success;
        }, cancellationToken);
        var caps = deliveries.Select(d => options.Reply.For(d.Metadata).MaxBodyBytes).ToList();
        if (result.Status == SendStatus.Delivered && HttpBatch.TryReadResults(body, caps, batch.ResultsProperty, out var each))
        {
            return each;
        }

        return Enumerable.Repeat(result, deliveries.Count).ToList();
    }

    internal static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    internal static SendResult Classify(HttpStatusCode status, string error, TimeSpan? retryAfter = null) =>
        (int)status is >= 200 and < 300 ? SendResult.Success
        : IsTransient(status) ? SendResult.Transient(error, retryAfter, status is HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
        : SendResult.Permanent(error);

    private HttpRequestMessage NewRequest(string method, string path, string idempotencyKey, int attempt)
    {
        var baseUrl = options.BaseUrl ?? legacy.BaseAddress
            ?? throw new InvalidOperationException("No base URL: set the destination's BaseUrl or Legacy:BaseUrl.");
        var request = new HttpRequestMessage(new HttpMethod(method), Combine(baseUrl, path));
        request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        request.Headers.TryAddWithoutValidation("X-Sluice-Attempt", attempt.ToString(CultureInfo.InvariantCulture));
        return request;
    }

    /// <summary>Sends a request and reads its answer with <paramref name="read"/>; a connection that fails is a transient
    /// result rather than an exception.</summary>
    internal static async Task<SendResult> ExchangeAsync(
        HttpClient client, HttpRequestMessage request, Func<HttpResponseMessage, Task<SendResult>> read, CancellationToken cancellationToken)
    {
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
            return await read(response);
        }
    }

    private static Uri Combine(Uri baseUrl, string pathAndQuery)
    {
        var root = baseUrl.AbsoluteUri.TrimEnd('/');
        return new Uri(root + (pathAndQuery.StartsWith('/') ? pathAndQuery : "/" + pathAndQuery));
    }

    private static string Describe(HttpResponseMessage response, DeliveryReply reply)
    {
        var summary = $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}";
        if (reply.Body.IsEmpty)
        {
            return summary;
        }

        var body = System.Text.Encoding.UTF8.GetString(reply.Body.Span[..Math.Min(reply.Body.Length, ErrorBodyLimit)]);
        return string.IsNullOrWhiteSpace(body)
            ? summary
            : $"{summary}: {body}{(reply.Body.Length > ErrorBodyLimit || reply.Truncated ? "…" : "")}";
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
