using System.Globalization;
using System.Net.Http.Headers;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Http;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.Webhook;

/// <summary>
/// Delivers a callback: POSTs the message's body to the URL in its metadata, signed per Standard Webhooks with the
/// secret its route names. Only these headers go out: no credential of the client's or Sluice's is ever forwarded.
/// </summary>
/// <remarks>
/// <c>webhook-id</c> is the callback message's id, the same on every retry, so a receiver can drop repeats;
/// the timestamp and signature are made per attempt, so a retry hours later is not refused as stale.
/// </remarks>
internal sealed class WebhookSink(HttpClient client, IWebhookSecrets secrets, TimeProvider time) : IDeliverySink
{
    public async ValueTask<SendResult> SendAsync(LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        if (!delivery.Metadata.TryGetValue(WebhookMetadata.Url, out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var target))
        {
            return SendResult.Permanent("The callback message names no absolute URL.");
        }

        var secretName = delivery.Metadata.GetValueOrDefault(WebhookMetadata.Secret, "");
        if (secrets.Find(secretName) is not { } secret)
        {
            return SendResult.Permanent($"No callback secret named '{secretName}' is configured.");
        }

        if (!secrets.AllowsHost(target))
        {
            return SendResult.Permanent($"The callback host '{target.Authority}' is not in Callbacks:AllowedHosts.");
        }

        var id = delivery.MessageId.ToString();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new ReadOnlyMemoryContent(delivery.Payload),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(delivery.ContentType);
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Sign(secret, id, timestamp, delivery.Payload.Span));

        return await HttpSink.ExchangeAsync(client, request,
            response => Task.FromResult(HttpSink.Classify(response.StatusCode, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}")),
            cancellationToken);
    }
}

/// <summary>Callback secrets by name, and the hosts callbacks may go to; the host application knows both.</summary>
public interface IWebhookSecrets
{
    /// <returns>The <c>whsec_</c> secret, or null if none has this name.</returns>
    string? Find(string name);

    /// <summary>Checked again at send time: the allow-list may have shrunk since the callback was stored.</summary>
    bool AllowsHost(Uri target);
}

/// <summary>Metadata of a callback message.</summary>
public static class WebhookMetadata
{
    public const string Url = "webhook.url";

    /// <summary>Names the secret that signs it (a route's name), never the secret itself: metadata is stored in the clear.</summary>
    public const string Secret = "webhook.secret";
}
