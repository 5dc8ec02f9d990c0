using System.Net;
using System.Text;
using Sluice.Delivery.Engine;
using Sluice.Delivery.Sinks.Http;
using Sluice.Journal;

namespace Sluice.Tests.Delivery.Sinks;

/// <summary>Batch requests of the HTTP sink against a scripted server: the body it sends and how it reads the answer.</summary>
public sealed class HttpBatchTests
{
    private static readonly Uri Server = new("http://legacy.test/");

    [Fact]
    public async Task Per_item_statuses_give_each_message_its_own_outcome()
    {
        var (sink, server) = Sink("""[200, {"status": 503, "error": "busy"}, {"status": 422}]""");

        var results = await sink.SendBatchAsync(Deliveries(3), CancellationToken.None);

        Assert.Equal([SendStatus.Delivered, SendStatus.Transient, SendStatus.Permanent], results.Select(r => r.Status));
        Assert.True(results[1].Overloaded);
        Assert.Contains("busy", results[1].Error, StringComparison.Ordinal);
        Assert.StartsWith("[{\"n\":0}", server.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_per_item_statuses_the_request_status_applies_to_every_message()
    {
        var (sink, _) = Sink("{\"accepted\":true}");
        var (failing, _) = Sink("overloaded", HttpStatusCode.ServiceUnavailable);

        var accepted = await sink.SendBatchAsync(Deliveries(2), CancellationToken.None);
        var refused = await failing.SendBatchAsync(Deliveries(2), CancellationToken.None);

        Assert.All(accepted, r => Assert.Equal(SendStatus.Delivered, r.Status));
        Assert.All(refused, r => Assert.True(r is { Status: SendStatus.Transient, Overloaded: true }));
    }

    [Fact]
    public async Task An_envelope_wraps_the_messages_and_results_are_read_from_the_named_property()
    {
        var (sink, server) = Sink("""{"results": [{"status": 201}, {"status": 500}]}""", configure: o =>
        {
            o.Batch.Shape = BatchShape.Envelope;
            o.Batch.Property = "punches";
            o.Batch.ResultsProperty = "results";
            o.Batch.Path = "/punches/batch";
        });

        var results = await sink.SendBatchAsync(Deliveries(2), CancellationToken.None);

        Assert.Equal([SendStatus.Delivered, SendStatus.Transient], results.Select(r => r.Status));
        Assert.Equal("{\"punches\":[{\"n\":0},{\"n\":1}]}", server.Body);
        Assert.Equal("/punches/batch", server.Request!.RequestUri!.AbsolutePath);
        Assert.Equal(2, server.Request.Headers.GetValues(HttpMetadata.BatchKeysHeader).Single().Split(',').Length);
    }

    [Fact]
    public async Task A_result_count_that_does_not_match_the_batch_falls_back_to_the_request_status()
    {
        var (sink, _) = Sink("[200]");

        var results = await sink.SendBatchAsync(Deliveries(3), CancellationToken.None);

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal(SendStatus.Delivered, r.Status));
    }

    private static (HttpSink Sink, ScriptedServer Server) Sink(string answer, HttpStatusCode status = HttpStatusCode.OK, Action<HttpSinkOptions>? configure = null)
    {
        var options = new HttpSinkOptions { BaseUrl = Server, Path = "/punches" };
        configure?.Invoke(options);
        var server = new ScriptedServer(status, answer);
        return (new HttpSink(new HttpClient(server), options, new NoLegacy(), []), server);
    }

    private static List<LeasedDelivery> Deliveries(int count) => Enumerable.Range(0, count).Select(i => new LeasedDelivery(
        i + 1, Guid.CreateVersion7(), "legacy", "test", Encoding.UTF8.GetBytes($"{{\"n\":{i}}}"), "application/json",
        new Dictionary<string, string>(), null, DateTimeOffset.UtcNow, 1, Guid.NewGuid(), DateTimeOffset.UtcNow.AddMinutes(1))).ToList();

    private sealed class ScriptedServer(HttpStatusCode status, string answer) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        public string? Body { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Request = request;
            Body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
            return new HttpResponseMessage(status) { Content = new StringContent(answer, Encoding.UTF8, "application/json") };
        }
    }

    private sealed class NoLegacy : ILegacyEndpoint
    {
        public Uri? BaseAddress => null;
    }
}
