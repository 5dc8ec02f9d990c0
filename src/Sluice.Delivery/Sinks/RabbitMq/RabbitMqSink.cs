using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Sluice.Delivery.Engine;
using Sluice.Journal;

namespace Sluice.Delivery.Sinks.RabbitMq;

/// <summary>
/// Publishes each message as a CloudEvent to a topic exchange: persistent, routed by its event type, with the
/// message id as AMQP message-id, and counted as delivered only once the broker confirms it. A nack, a return
/// (nothing bound), a lost connection or no confirm in time is a transient failure, retried by the engine; a
/// consumer may therefore see an event again and de-duplicates by id.
/// </summary>
/// <remarks>
/// One connection per destination, recovered by the client when the broker goes away; publishes run on a pool
/// of confirm-tracking channels, one publish per channel at a time. A channel that closed (the broker refused
/// something, or the connection dropped) is thrown away and a new one made on the next send.
/// </remarks>
internal sealed partial class RabbitMqSink(string destination, ConnectionFactory factory, RabbitMqSinkOptions options, ILogger logger)
    : IDeliverySink, IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private readonly ConcurrentBag<IChannel> _idle = [];
    private readonly RabbitMqReplyQueue? _replies = options.IsRpc ? new RabbitMqReplyQueue(destination) : null;
    private IConnection? _connection;

    public async ValueTask<SendResult> SendAsync(LeasedDelivery delivery, CancellationToken cancellationToken)
    {
        if (!options.EventTypes.TryGetValue(delivery.Kind, out var type) || string.IsNullOrWhiteSpace(type))
        {
            return SendResult.Permanent(
                $"No event type for messages of kind '{delivery.Kind}': set Delivery:Destinations:{destination}:EventTypes:{delivery.Kind}.");
        }

        var body = CloudEvent.Serialize(delivery, type, options.Source);
        var properties = new BasicProperties
        {
            MessageId = delivery.MessageId.ToString(),
            Type = type,
            ContentType = CloudEvent.ContentType,
            DeliveryMode = DeliveryModes.Persistent,
            Timestamp = new AmqpTimestamp(delivery.ReceivedAt.ToUnixTimeSeconds()),
            AppId = "sluice",
        };

        IChannel channel;
        try
        {
            if (_replies is not null)
            {
                await _replies.EnsureAsync(await ConnectAsync(cancellationToken), cancellationToken);
                properties.ReplyTo = _replies.Name;
                properties.CorrelationId = properties.MessageId;
            }

            channel = await RentAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is BrokerUnreachableException or AlreadyClosedException or OperationInterruptedException or IOException)
        {
            return SendResult.Transient($"RabbitMQ is unavailable: {ex.Message}");
        }

        using var expectation = _replies?.Expect(properties.MessageId);
        var published = await PublishAsync(channel, type, properties, body, cancellationToken);
        if (expectation is null || published.Status != SendStatus.Delivered)
        {
            return published;
        }

        // The engine's Timeout cancels this wait: no answer in time is a failed attempt, retried like any other.
        var answer = await expectation.Answer.WaitAsync(cancellationToken);
        var (maxBodyBytes, headers) = options.Reply.For(delivery.Metadata);
        var result = answer.Status is >= 200 and < 300
            ? SendResult.Success
            : Http.HttpSink.Classify((System.Net.HttpStatusCode)answer.Status, $"The worker answered status {answer.Status}.");
        return result with { Reply = answer.ToReply(maxBodyBytes, headers) };
    }

    private async Task<SendResult> PublishAsync(IChannel channel, string type, BasicProperties properties, ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        try
        {
            // With confirmation tracking on, this completes only once the broker has confirmed (or refused) the message.
            await channel.BasicPublishAsync(options.Exchange, type, options.Mandatory, properties, body, cancellationToken);
            _idle.Add(channel);
            return SendResult.Success;
        }
        catch (PublishException refused)
        {
            _idle.Add(channel);
            return SendResult.Transient(refused.IsReturn
                ? $"RabbitMQ returned the event: no queue is bound to exchange '{options.Exchange}' for '{type}'."
                : "RabbitMQ did not confirm the event (nack).");
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException)
        {
            await DiscardAsync(channel);
            return SendResult.Transient($"RabbitMQ connection lost before the confirm: {ex.Message}");
        }
        catch
        {
            // Timed out or cancelled: whether a confirm is still coming for it is unknown, so the channel goes.
            await DiscardAsync(channel);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_replies is not null)
        {
            await _replies.DisposeAsync();
        }

        while (_idle.TryTake(out var channel))
        {
            await DiscardAsync(channel);
        }

        if (_connection is { } connection)
        {
            await connection.DisposeAsync();
        }

        _connecting.Dispose();
    }

    private async Task<IChannel> RentAsync(CancellationToken cancellationToken)
    {
        while (_idle.TryTake(out var idle))
        {
            if (idle.IsOpen)
            {
                return idle;
            }

            await DiscardAsync(idle);
        }

        var connection = await ConnectAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true),
            cancellationToken);
        try
        {
            await channel.ExchangeDeclareAsync(options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: cancellationToken);
            return channel;
        }
        catch
        {
            await DiscardAsync(channel);
            throw;
        }
    }

    /// <summary>The destination's connection, made on first use; afterwards the client recovers it by itself.</summary>
    private async Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { } existing)
        {
            return existing;
        }

        await _connecting.WaitAsync(cancellationToken);
        try
        {
            if (_connection is null)
            {
                // Automatic recovery only starts after a first success, so a failure here is retried by the engine.
                _connection = await factory.CreateConnectionAsync($"sluice-{destination}", cancellationToken);
                LogConnected(destination, factory.HostName, factory.Port);
            }

            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    private static async Task DiscardAsync(IChannel channel)
    {
        try
        {
            await channel.DisposeAsync();
        }
        catch (Exception ex) when (ex is AlreadyClosedException or OperationInterruptedException or IOException or ObjectDisposedException)
        {
            // Already gone with its connection: nothing left to release.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Destination {Destination} connected to RabbitMQ at {Host}:{Port}.")]
    private partial void LogConnected(string destination, string host, int port);
}
