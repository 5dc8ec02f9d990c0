using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using Sluice.Journal;
using Sluice.Operations;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Delivery.Sinks;

/// <summary>The <c>rabbitmq</c> sink against a real broker: CloudEvents, confirms, returns, a broker restart.</summary>
public sealed class RabbitMqSinkTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>A gateway sending punches (and <c>order</c> messages of a store-first route) to a RabbitMQ destination.</summary>
    private static Task<TestGateway> StartGatewayAsync(Uri broker, string exchange, params (string Key, string Value)[] overrides)
    {
        var settings = TestGateway.Defaults(null);
        settings["Delivery:Destinations:events:Sink"] = "rabbitmq";
        settings["Delivery:Destinations:events:Uri"] = broker.ToString();
        settings["Delivery:Destinations:events:Exchange"] = exchange;
        settings["Delivery:Destinations:events:Source"] = "urn:sluice:test";
        settings["Delivery:Destinations:events:RecoveryInterval"] = "00:00:00.500";
        settings["Delivery:Destinations:events:BackoffBase"] = "00:00:00.050";
        settings["Delivery:Destinations:events:BackoffMax"] = "00:00:00.500";
        settings["Delivery:Destinations:events:MaxAttempts"] = "10000";
        settings["Delivery:Destinations:events:Timeout"] = "00:00:05";
        settings["Delivery:Destinations:events:CircuitBreaker:BreakDuration"] = "00:00:00.500";
        settings["Punches:Destinations:0"] = "events";
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        return TestGateway.StartAsync(settings);
    }

    /// <summary>A durable queue bound to the exchange for every event, as a consuming service would have.</summary>
    private static async Task<string> BindQueueAsync(IChannel channel, string exchange)
    {
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = $"{exchange}.consumer";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "#");
        return queue;
    }

    private static async Task<List<BasicGetResult>> DrainAsync(IChannel channel, string queue)
    {
        var messages = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            messages.Add(message);
        }

        return messages;
    }

    private static async Task<PunchReceipt> PunchAsync(TestGateway gateway, string employee) =>
        (await (await gateway.PostPunchAsync(employee)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PunchReceipt>())!;

    private static async Task<DeliveryRecord> EventDeliveryAsync(TestGateway gateway, Guid id) =>
        (await gateway.Service<IJournal>().GetMessageAsync(id, CancellationToken.None))!.Deliveries.Single(d => d.Destination == "events");

    [Fact]
    public async Task A_punch_is_published_as_a_persistent_cloud_event_and_counts_as_delivered_after_the_confirm()
    {
        var broker = await RabbitMqServer.GetAsync();
        var exchange = $"sluice.test.{Guid.NewGuid():N}";
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await BindQueueAsync(channel, exchange);
        await using var gateway = await StartGatewayAsync(broker.Uri, exchange);

        var receipt = await PunchAsync(gateway, "1001");

        var received = await Eventually.UntilAsync(() => DrainAsync(channel, queue), m => m.Count > 0, because: "the event reached the queue");
        var message = Assert.Single(received);
        Assert.Equal("punch.recorded", message.RoutingKey);
        Assert.Equal(exchange, message.Exchange);
        Assert.Equal(receipt.Id.ToString(), message.BasicProperties.MessageId);
        Assert.Equal(DeliveryModes.Persistent, message.BasicProperties.DeliveryMode);
        Assert.Equal("application/cloudevents+json; charset=utf-8", message.BasicProperties.ContentType);
        using var cloudEvent = JsonDocument.Parse(message.Body);
        var root = cloudEvent.RootElement;
        Assert.Equal("1.0", root.GetProperty("specversion").GetString());
        Assert.Equal(receipt.Id, root.GetProperty("id").GetGuid());
        Assert.Equal("punch.recorded", root.GetProperty("type").GetString());
        Assert.Equal("urn:sluice:test", root.GetProperty("source").GetString());
        Assert.Equal(receipt.ReceivedAt, root.GetProperty("time").GetDateTimeOffset());
        Assert.Equal("application/json", root.GetProperty("datacontenttype").GetString());
        Assert.Equal("1001", root.GetProperty("data").GetProperty("employeeId").GetString());
        var delivery = await Eventually.UntilAsync(() => EventDeliveryAsync(gateway, receipt.Id), d => d.State == DeliveryState.Delivered, because: "confirmed");
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task An_order_message_becomes_an_order_accepted_event()
    {
        var broker = await RabbitMqServer.GetAsync();
        var exchange = $"sluice.test.{Guid.NewGuid():N}";
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await BindQueueAsync(channel, exchange);
        await using var gateway = await StartGatewayAsync(broker.Uri, exchange, ("Orders:Destinations:0", "events"));

        using var response = await gateway.Client.PostAsJsonAsync("/api/orders",
            new { clientOrderId = "c-1", account = "ACC1", symbol = "PETR4", side = "buy", quantity = 200, price = 38.25m });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var message = Assert.Single(await Eventually.UntilAsync(() => DrainAsync(channel, queue), m => m.Count > 0, because: "the event reached the queue"));
        Assert.Equal("order.accepted", message.RoutingKey);
        using var cloudEvent = JsonDocument.Parse(message.Body);
        Assert.Equal("order.accepted", cloudEvent.RootElement.GetProperty("type").GetString());
        Assert.Equal(200, cloudEvent.RootElement.GetProperty("data").GetProperty("quantity").GetInt32());
    }

    [Fact]
    public async Task A_message_kind_without_an_event_type_is_dead_lettered_naming_the_setting()
    {
        var broker = await RabbitMqServer.GetAsync();
        await using var gateway = await StartGatewayAsync(broker.Uri, $"sluice.test.{Guid.NewGuid():N}",
            ("Facade:Routes:0:Path", "/legacy/notes"), ("Facade:Routes:0:Destinations:0", "events"));

        using var response = await gateway.Client.PostAsync("/legacy/notes", new StringContent("{}", Encoding.UTF8, "application/json"));
        var id = Guid.Parse(response.Headers.GetValues(Sluice.Facade.StoreFirstIntake.MessageIdHeader).Single());

        var dead = await Eventually.UntilAsync(() => EventDeliveryAsync(gateway, id), d => d.State == DeliveryState.Dead, because: "no event type for kind http");
        Assert.Equal(1, dead.Attempts);
        Assert.Contains("Delivery:Destinations:events:EventTypes:http", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_no_queue_takes_is_returned_and_retried_until_one_is_bound()
    {
        var broker = await RabbitMqServer.GetAsync();
        var exchange = $"sluice.test.{Guid.NewGuid():N}";
        await using var gateway = await StartGatewayAsync(broker.Uri, exchange);

        var receipt = await PunchAsync(gateway, "1001");

        var returned = await Eventually.UntilAsync(() => EventDeliveryAsync(gateway, receipt.Id), d => d.Attempts >= 2, because: "the returned event is retried");
        Assert.NotEqual(DeliveryState.Delivered, returned.State);
        Assert.Contains("no queue is bound", returned.LastError, StringComparison.Ordinal);

        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await BindQueueAsync(channel, exchange);
        await Eventually.UntilAsync(() => EventDeliveryAsync(gateway, receipt.Id), d => d.State == DeliveryState.Delivered, because: "a queue is bound now");
        Assert.Equal(receipt.Id.ToString(), Assert.Single(await DrainAsync(channel, queue)).BasicProperties.MessageId);
    }

    [Fact]
    public async Task Every_acknowledged_punch_reaches_the_consumer_across_a_broker_restart()
    {
        await using var broker = await RabbitMqServer.StartPrivateAsync();
        const string exchange = "sluice.restart";
        await using (var setup = await broker.ConnectAsync())
        {
            await using var channel = await setup.CreateChannelAsync();
            await BindQueueAsync(channel, exchange);
        }

        await using var gateway = await StartGatewayAsync(broker.Uri, exchange);
        const int total = 300;
        var receipts = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        var posting = Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < total; i += 4)
            {
                receipts.Add((await PunchAsync(gateway, $"{1000 + (i % 50)}")).Id);
            }
        })));

        async Task<DestinationView> EventsAsync() =>
            (await gateway.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "events");

        await Eventually.UntilAsync(EventsAsync, e => e.Delivered >= 50, because: "part of the run was delivered before the restart");
        var restart = System.Diagnostics.Stopwatch.StartNew();
        await broker.StopAsync();
        await broker.StartAsync();
        output.WriteLine($"Broker down and back in {restart.ElapsedMilliseconds} ms.");
        await posting;
        await Eventually.UntilAsync(EventsAsync, e => e.Delivered == total, timeout: TimeSpan.FromSeconds(60), because: "every punch was delivered after the restart");

        await using var connection = await broker.ConnectAsync();
        await using var consumer = await connection.CreateChannelAsync();
        var received = await DrainAsync(consumer, $"{exchange}.consumer");
        var ids = received.Select(m => Guid.Parse(m.BasicProperties.MessageId!)).ToHashSet();
        output.WriteLine($"{received.Count} events received for {total} punches ({received.Count - ids.Count} repeats) in {restart.ElapsedMilliseconds} ms since the restart began.");
        Assert.True(received.Count >= total, $"{received.Count} events for {total} punches");
        Assert.Equal(receipts.Order(), ids.Order());

        // The restart did interrupt sending: some events needed more than one attempt.
        var attempts = await Task.WhenAll(receipts.Select(id => EventDeliveryAsync(gateway, id)));
        Assert.Contains(attempts, d => d.Attempts > 1);
    }

    [Fact]
    public async Task A_rabbitmq_destination_without_a_broker_stops_Sluice_naming_the_setting()
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync(
            "--Delivery:Destinations:events:Sink=rabbitmq", "--Delivery:Destinations:events:EventTypes:punch=punch.*");

        Assert.Equal(2, exit);
        Assert.Contains("Delivery:Destinations:events:Uri (or ConnectionStrings:events) must name the RabbitMQ broker", printed, StringComparison.Ordinal);
        Assert.Contains("Delivery:Destinations:events:EventTypes:punch 'punch.*' must be a routing key", printed, StringComparison.Ordinal);
    }
}
