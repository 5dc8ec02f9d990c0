using System.Net;
using System.Net.Http.Json;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Sluice.Operations;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Delivery.Sinks;

/// <summary>A <c>rabbitmq</c> destination in RPC mode against a real broker: a worker answers on <c>reply_to</c>, or never does.</summary>
public sealed class RabbitMqRpcTests
{
    private static Task<TestGateway> StartGatewayAsync(Uri broker, string exchange)
    {
        var settings = TestGateway.Defaults(null);
        settings["Delivery:Destinations:events:Sink"] = "rabbitmq";
        settings["Delivery:Destinations:events:Mode"] = "rpc";
        settings["Delivery:Destinations:events:Uri"] = broker.ToString();
        settings["Delivery:Destinations:events:Exchange"] = exchange;
        settings["Delivery:Destinations:events:Reply:Headers:0"] = "result";
        settings["Delivery:Destinations:events:Timeout"] = "00:00:02";
        settings["Delivery:Destinations:events:MaxAttempts"] = "2";
        settings["Delivery:Destinations:events:BackoffBase"] = "00:00:00.050";
        settings["Delivery:Destinations:events:BackoffMax"] = "00:00:00.100";
        settings["Punches:Destinations:0"] = "events";
        return TestGateway.StartAsync(settings);
    }

    /// <summary>The queue a worker service reads, bound to every event of the exchange.</summary>
    private static async Task<string> WorkQueueAsync(IChannel channel, string exchange)
    {
        await channel.ExchangeDeclareAsync(exchange, ExchangeType.Topic, durable: true, autoDelete: false);
        var queue = $"{exchange}.work";
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, exchange, "#");
        return queue;
    }

    private static async Task<Guid> PunchAsync(TestGateway gateway) =>
        (await (await gateway.PostPunchAsync("1001")).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<PunchReceipt>())!.Id;

    [Fact]
    public async Task Worker_answer_on_reply_to_is_recorded_as_the_reply()
    {
        var broker = await RabbitMqServer.GetAsync();
        var exchange = $"sluice.rpc.{Guid.NewGuid():N}";
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await WorkQueueAsync(channel, exchange);
        // The worker: any service that reads the queue and publishes its answer to reply_to with the correlation id.
        var worker = new AsyncEventingBasicConsumer(channel);
        worker.ReceivedAsync += async (_, request) =>
        {
            var answer = new BasicProperties
            {
                CorrelationId = request.BasicProperties.CorrelationId,
                ContentType = "application/json",
                Headers = new Dictionary<string, object?> { ["result"] = "accepted" },
            };
            var body = Encoding.UTF8.GetBytes($$"""{"answered":"{{request.BasicProperties.CorrelationId}}"}""");
            await channel.BasicPublishAsync("", request.BasicProperties.ReplyTo!, false, answer, body);
        };
        await channel.BasicConsumeAsync(queue, autoAck: true, worker);
        await using var gateway = await StartGatewayAsync(broker.Uri, exchange);

        var id = await PunchAsync(gateway);

        var reply = await Eventually.UntilAsync(() => gateway.Client.GetAsync($"/api/punches/{id}/reply?destination=events"),
            r => r.StatusCode != HttpStatusCode.Accepted, because: "the worker's answer is recorded");
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal($$"""{"answered":"{{id}}"}""", await reply.Content.ReadAsStringAsync());
        Assert.Equal("accepted", reply.Headers.GetValues("result").Single());
        Assert.Equal("application/json", reply.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Silent_worker_makes_each_attempt_fail_at_the_timeout_then_the_message_is_dead_lettered()
    {
        var broker = await RabbitMqServer.GetAsync();
        var exchange = $"sluice.rpc.{Guid.NewGuid():N}";
        await using var connection = await broker.ConnectAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = await WorkQueueAsync(channel, exchange);
        await using var gateway = await StartGatewayAsync(broker.Uri, exchange);

        var id = await PunchAsync(gateway);

        var dead = await Eventually.UntilAsync(
            async () => (await gateway.Client.GetFromJsonAsync<DeadLetterPage>("/api/dead-letters?destination=events"))!.Items,
            items => items.Count > 0, TimeSpan.FromSeconds(30), "the unanswered request gives up after its attempts");
        var letter = Assert.Single(dead);
        Assert.Equal(id, letter.MessageId);
        Assert.Equal(2, letter.Attempts);
        Assert.Contains("No answer within 2 s", letter.LastError);
        // Both attempts were published with reply_to: the worker queue holds the request twice.
        var requests = new List<BasicGetResult>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } request)
        {
            requests.Add(request);
        }

        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal(id.ToString(), r.BasicProperties.CorrelationId));
        Assert.All(requests, r => Assert.StartsWith("sluice.replies.events.", r.BasicProperties.ReplyTo));
        Assert.Equal(HttpStatusCode.BadGateway, (await gateway.Client.GetAsync($"/api/punches/{id}/reply?destination=events")).StatusCode);
    }
}
