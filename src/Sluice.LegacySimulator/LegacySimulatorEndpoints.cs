using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Sluice.LegacySimulator;

/// <summary>
/// A deliberately slow legacy system: every path answers after the configured latency with a JSON echo,
/// refuses with 503 past its capacity or during an outage, fails a fraction with 500, and applies each
/// idempotency key once. <c>/_sim/*</c> exposes its counters and its controls.
/// </summary>
public static class LegacySimulatorEndpoints
{
    private static readonly HashSet<string> EchoedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Content-Type", "Idempotency-Key", "X-Sluice-Attempt", "Authorization",
    };

    /// <summary>Lists the messages of a batch request, in order, comma-separated (as Sluice's HTTP sink sends it).</summary>
    public const string BatchKeysHeader = "X-Sluice-Batch-Keys";

    internal static NoContent Reset(SimulatedLegacySystem system)
    {
        system.Reset();
        return TypedResults.NoContent();
    }

    /// <summary>Answers with the given status, for proving how clients classify responses.</summary>
    internal static async Task<ProblemHttpResult> StatusAsync(SimulatedLegacySystem system, int code, HttpContext context)
    {
        system.CountReceived();
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        return TypedResults.Problem(statusCode: code, title: $"Simulated status {code}");
    }

    internal static IResult Configure(SimulatedLegacySystem system, SimulatorConfigChange change)
    {
        var next = change.ApplyTo(system.Settings);
        var errors = next.Validate().ToArray();
        if (errors.Length > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["config"] = errors });
        }

        system.Configure(_ => next);
        return TypedResults.Ok(next);
    }

    internal static async Task<IResult> HandleAsync(SimulatedLegacySystem system, HttpContext context)
    {
        system.CountReceived();
        var arrived = system.Time.GetTimestamp();
        var settings = system.Settings;
        var request = context.Request;
        if (settings.RejectStatus != 0)
        {
            system.CountRejected();
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
            return TypedResults.Problem(statusCode: settings.RejectStatus, title: $"Legacy system refuses the request ({settings.RejectStatus})");
        }

        if (settings.Outage || !await system.EnterAsync(context.RequestAborted))
        {
            system.CountRejected();
            context.Response.Headers.RetryAfter = "1";
            return TypedResults.Problem(statusCode: 503, title: settings.Outage ? "Legacy system is down" : "Legacy system is over capacity");
        }

        try
        {
            settings = system.Settings;
            string body;
            using (var reader = new StreamReader(request.Body, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync(context.RequestAborted);
            }

            var latency = settings.DrawLatency();
            if (latency > TimeSpan.Zero)
            {
                await Task.Delay(latency, system.Time, context.RequestAborted);
            }

            var headers = request.Headers
                .Where(h => EchoedHeaders.Contains(h.Key) || h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase))
                .ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var path = request.Path + request.QueryString;
            if (request.Headers.TryGetValue(BatchKeysHeader, out var batchKeys))
            {
                return ApplyBatch(system, settings, request.Method, path, batchKeys.ToString().Split(','), headers, body);
            }

            if (Fails(settings))
            {
                system.CountFailed();
                return TypedResults.Problem(statusCode: 500, title: "Simulated failure");
            }

            var key = request.Headers.TryGetValue("Idempotency-Key", out var k) ? k.ToString() : null;
            var applied = system.Apply(request.Method, path, key, headers, body);
            return TypedResults.Ok(new
            {
                method = request.Method,
                path,
                idempotencyKey = key,
                duplicate = !applied,
                headers,
                body,
            });
        }
        finally
        {
            system.Leave();
            system.RecordLatency(system.Time.GetElapsedTime(arrived));
        }
    }

    /// <summary>A batch: each message applied once under its own key, or failed alone by the error rate; one result each, in order.</summary>
    private static Ok<List<BatchItemResult>> ApplyBatch(
        SimulatedLegacySystem system, SimulatorSettings settings, string method, string path, string[] keys,
        IReadOnlyDictionary<string, string> headers, string body)
    {
        var results = new List<BatchItemResult>(keys.Length);
        foreach (var key in keys)
        {
            if (Fails(settings))
            {
                system.CountFailed();
                results.Add(new BatchItemResult(500, false));
                continue;
            }

            results.Add(new BatchItemResult(200, !system.Apply(method, path, key.Trim(), headers, body)));
        }

        return TypedResults.Ok(results);
    }

    private static bool Fails(SimulatorSettings settings) => settings.ErrorRate > 0 && Random.Shared.NextDouble() < settings.ErrorRate;
}

/// <summary>The answer for one message of a batch.</summary>
public sealed record BatchItemResult(int Status, bool Duplicate);

/// <summary>A partial change of the simulator's settings; absent fields keep their value.</summary>
public sealed record SimulatorConfigChange(
    TimeSpan? Latency, int? Capacity, double? ErrorRate, bool? Outage, int? QueueLimit = null, int? RejectStatus = null, TimeSpan? LatencyMax = null)
{
    /// <remarks>Setting <see cref="Latency"/> alone makes the latency fixed again; set both for a range.</remarks>
    public SimulatorSettings ApplyTo(SimulatorSettings current) => current with
    {
        Latency = Latency ?? current.Latency,
        LatencyMax = LatencyMax ?? (Latency is null ? current.LatencyMax : null),
        Capacity = Capacity ?? current.Capacity,
        QueueLimit = QueueLimit ?? current.QueueLimit,
        ErrorRate = ErrorRate ?? current.ErrorRate,
        Outage = Outage ?? current.Outage,
        RejectStatus = RejectStatus ?? current.RejectStatus,
    };
}
