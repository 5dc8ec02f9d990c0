using System.Buffers;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.Http;

/// <summary>Reads an HTTP answer into the reply kept with the message: status, listed headers, the body up to a cap.</summary>
internal static class HttpReply
{
    public static async Task<DeliveryReply> ReadAsync(
        HttpResponseMessage response, int maxBodyBytes, IReadOnlyList<string> headers, CancellationToken cancellationToken)
    {
        var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in headers)
        {
            if (response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values))
            {
                kept[name] = string.Join(", ", values);
            }
        }

        var (body, truncated) = await ReadBodyAsync(response.Content, maxBodyBytes, cancellationToken);
        return new DeliveryReply((int)response.StatusCode, kept, response.Content.Headers.ContentType?.ToString(), body, truncated);
    }

    /// <summary>Reads at most one byte past the cap, so a huge answer costs the cap, not its size, and is still known to be longer.</summary>
    private static async Task<(byte[] Body, bool Truncated)> ReadBodyAsync(HttpContent content, int max, CancellationToken cancellationToken)
    {
        if (max == 0)
        {
            return ([], content.Headers.ContentLength is > 0);
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);

        // Sized by the announced length when there is one (most answers are small): a fixed 16 KB start was most of
        // what a delivery allocated.
        var expected = content.Headers.ContentLength is { } length ? (int)Math.Min(length + 1, max + 1L) : Math.Min(max + 1, 4 * 1024);
        var buffer = new ArrayBufferWriter<byte>(Math.Max(expected, 1));
        while (buffer.WrittenCount <= max)
        {
            var free = buffer.GetMemory(1);
            var read = await stream.ReadAsync(free[..Math.Min(free.Length, max + 1 - buffer.WrittenCount)], cancellationToken);
            if (read == 0)
            {
                return (buffer.WrittenSpan.ToArray(), false);
            }

            buffer.Advance(read);
        }

        return (buffer.WrittenSpan[..max].ToArray(), true);
    }
}
