using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Observability;

/// <summary>
/// A punch stored by one Sluice process and delivered by the next, after a crash in between, reads as one trace: the
/// intake request's span, the delivery attempt's span under it, and the <c>traceparent</c> the legacy system got.
/// </summary>
public sealed class TraceAcrossTheWaitTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<(string? Key, string? TraceParent)> _legacyReceived = new();
    private WebApplication _legacy = null!;
    private Uri _legacyAddress = null!;

    public async Task InitializeAsync()
    {
        _legacy = Loopback.CreateBuilder().Build();
        _legacy.MapPost("/{**path}", (HttpContext context) =>
        {
            _legacyReceived.Enqueue((context.Request.Headers["Idempotency-Key"].FirstOrDefault(), context.Request.Headers["traceparent"].FirstOrDefault()));
            return Results.Ok();
        });
        _legacyAddress = await _legacy.StartListeningAsync();
    }

    public async Task DisposeAsync() => await _legacy.DisposeAsync();

    [Fact]
    public async Task One_trace_runs_from_the_intake_request_across_a_crash_to_the_traceparent_the_legacy_system_receives()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        using var folder = new TempFolder();
        var settings = TestGateway.Defaults(_legacyAddress);
        settings["Journal:Path"] = folder.File("sluice.db");
        settings["Observability:Tracing:OtlpEndpoint"] = collector.BaseAddress.ToString();
        settings["Observability:Tracing:ExportInterval"] = "00:00:00.200";

        // The first process takes the punch while the destination's only window is closed: it waits in the journal.
        var closed = DateTime.UtcNow.AddHours(12);
        settings["Delivery:Destinations:legacy:Schedule:Mode"] = "windows";
        settings["Delivery:Destinations:legacy:Schedule:Windows:0"] = $"{closed:HH:mm}-{closed.AddMinutes(1):HH:mm}";
        var traceId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var clientSpan = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        Guid punch;
        ReceivedSpan intake;
        await using (var first = await GatewayProcess.StartAsync(settings))
        {
            await PunchLoad.RegisterEmployeesAsync(first.Client);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/punches")
            {
                Content = JsonContent.Create(new { employeeId = "E1", punchedAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture), deviceId = "APP-1" }),
            };
            request.Headers.Add("traceparent", $"00-{traceId}-{clientSpan}-01");
            using var accepted = await first.Client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            punch = (await accepted.Content.ReadFromJsonAsync<PunchReceipt>())!.Id;

            intake = (await Eventually.UntilAsync(
                () => Task.FromResult(collector.Spans.Where(s => s.TraceId == traceId && s.ParentSpanId == clientSpan).ToList()),
                spans => spans.Count == 1, because: "the intake request's span is exported")).Single();
            Assert.Equal(2, intake.Kind); // SERVER
            Assert.Empty(_legacyReceived);
            await first.KillAsync();
        }

        // The next process, on the same journal with the window open, delivers it.
        settings.Remove("Delivery:Destinations:legacy:Schedule:Mode");
        settings.Remove("Delivery:Destinations:legacy:Schedule:Windows:0");
        await using var second = await GatewayProcess.StartAsync(settings);
        var received = await Eventually.UntilAsync(
            () => Task.FromResult(_legacyReceived.Where(r => r.Key == punch.ToString()).ToList()),
            r => r.Count >= 1, because: "the punch reaches the legacy system");
        var traceParent = received[0].TraceParent;
        Assert.NotNull(traceParent);
        var parts = traceParent.Split('-');
        Assert.Equal(traceId, parts[1]);

        // The attempt's span is a child of the intake span, and the legacy system's parent is a span of that trace.
        var delivery = (await Eventually.UntilAsync(
            () => Task.FromResult(collector.Spans.Where(s => s.TraceId == traceId && s.Name == "deliver legacy").ToList()),
            spans => spans.Count >= 1, because: "the delivery attempt's span is exported")).First();
        Assert.Equal(intake.SpanId, delivery.ParentSpanId);
        Assert.Equal(punch.ToString(), delivery.Attributes["sluice.message.id"]);
        Assert.Equal("delivered", delivery.Attributes["sluice.outcome"]);
        await Eventually.UntilAsync(
            () => Task.FromResult(collector.Spans.Where(s => s.TraceId == traceId).Select(s => s.SpanId).ToList()),
            ids => ids.Contains(parts[2]), because: "the span the legacy system was called from is exported in the same trace");
        Assert.All(collector.Spans.Where(s => s.TraceId == traceId), s => Assert.Equal("sluice", s.Service));
    }
}
