using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Sluice.Testing;

/// <summary>
/// A real HTTP server on a free loopback port that answers every request with what the test says (status,
/// headers, body) and keeps what it received: a legacy system with a particular answer, or a callback receiver.
/// </summary>
public sealed class TestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TestReceiver(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>What it answers next; change it at any time.</summary>
    public Answer Next { get; set; } = new(200, "");

    public ConcurrentQueue<Received> Requests { get; } = new();

    public static async Task<TestReceiver> StartAsync()
    {
        var app = Loopback.CreateBuilder().Build();
        TestReceiver? receiver = null;
        app.Run(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            receiver!.Requests.Enqueue(new Received(context.Request.Method, context.Request.Path + context.Request.QueryString, headers, body));
            var answer = receiver.Next;
            context.Response.StatusCode = answer.Status;
            foreach (var (name, value) in answer.Headers ?? [])
            {
                context.Response.Headers[name] = value;
            }

            context.Response.ContentType = answer.ContentType;
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        });
        receiver = new TestReceiver(app, await app.StartListeningAsync());
        return receiver;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed record Answer(int Status, string Body, Dictionary<string, string>? Headers = null, string ContentType = "application/json");

    public sealed record Received(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body);
}
