using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.RabbitMq;

/// <summary>
/// The per-node reply queue of an RPC destination: requests go out with <c>reply_to</c> naming it and
/// <c>correlation_id</c> = the message id; a worker in any language answers by publishing there.
/// </summary>
/// <remarks>
/// A queue of our own rather than direct reply-to (<c>amq.rabbitmq.reply-to</c>), which only answers the channel that
/// published: sends here run on a pool of channels. It is exclusive and auto-deleted (gone with this node) and named
/// by us, so the client's connection recovery declares it again under the same name that pending requests carry.
/// </remarks>
internal sealed class RabbitMqReplyQueue(string destination) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<Answer>> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _opening = new(1, 1);
    private IChannel? _channel;

    public string Name { get; } = $"sluice.replies.{destination}.{Guid.NewGuid():N}";

    public async Task EnsureAsync(IConnection connection, CancellationToken cancellationToken)
    {
        if (_channel is { IsOpen: true })
        {
            return;
        }

        await _opening.WaitAsync(cancellationToken);
        try
        {
            if (_channel is { IsOpen: true })
            {
                return;
            }

            if (_channel is { } closed)
            {
                await closed.DisposeAsync();
            }

            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            await channel.QueueDeclareAsync(Name, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivered) =>
            {
                if (delivered.BasicProperties.CorrelationId is { } id && _pending.TryGetValue(id, out var waiting))
                {
                    waiting.TrySetResult(new Answer(delivered.BasicProperties, delivered.Body.ToArray()));
                }

                // An answer nobody waits for (its send timed out) is dropped: the retry asks again.
                return Task.CompletedTask;
            };
            await channel.BasicConsumeAsync(Name, autoAck: true, consumer, cancellationToken);
            _channel = channel;
        }
        finally
        {
            _opening.Release();
        }
    }

    /// <summary>Waits for the answer to a request; register before publishing, so a fast answer is not missed.</summary>
    public Expectation Expect(string correlationId)
    {
        var waiting = _pending.GetOrAdd(correlationId, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        return new Expectation(this, correlationId, waiting.Task);
    }

    public async ValueTask DisposeAsync()
    {
        if (_channel is { } channel)
        {
            await channel.DisposeAsync();
        }

        _opening.Dispose();
    }

    public sealed record Answer(IReadOnlyBasicProperties Properties, byte[] Body)
    {
        /// <summary>Header a worker may set to an HTTP-like status: 4xx refuses the message for good, 5xx asks for a retry.</summary>
        public const string StatusHeader = "status";

        public int Status => Properties.Headers?.TryGetValue(StatusHeader, out var value) == true && Text(value) is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var status) ? status : 200;

        public DeliveryReply ToReply(int maxBodyBytes, IReadOnlyList<string> headers)
        {
            var kept = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in headers)
            {
                if (Properties.Headers?.TryGetValue(name, out var value) == true && Text(value) is { } text)
                {
                    kept[name] = text;
                }
            }

            var truncated = Body.Length > maxBodyBytes;
            return new DeliveryReply(Status, kept, Properties.ContentType, truncated ? Body[..maxBodyBytes] : Body, truncated);
        }

        private static string? Text(object? value) => value switch
        {
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            null => null,
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        };
    }

    public sealed class Expectation(RabbitMqReplyQueue queue, string correlationId, Task<Answer> answer) : IDisposable
    {
        public Task<Answer> Answer => answer;

        public void Dispose() => queue._pending.TryRemove(correlationId, out _);
    }
}
