using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sluice.Punches.Pages;
using Sluice.Security;
using Sluice.Testing;
using Xunit.Abstractions;

namespace Sluice.Tests.Security;

/// <summary>
/// Random and mutated requests at every operation of the OpenAPI document (every method, path and query parameter,
/// body type) and at the employee page's form, for a bounded time, by callers of every kind: no answer is a 5xx
/// (a 503 with <c>Retry-After</c> is back-pressure, not a failure), none carries a stack trace, and the memory the
/// gateway holds after a full collection grows by less than a bound. Seeded: set <c>SLUICE_FUZZ_SEED</c> to replay a run.
/// </summary>
[Collection(Alone.Name)]
public sealed class OpenApiFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(40);

    /// <summary>Caches fill as the fuzz creates establishments and employees; past this the growth is a leak.</summary>
    private const long MaxGrowthBytes = 64L * 1024 * 1024;

    [Fact]
    public async Task Random_requests_at_every_documented_operation_get_no_5xx_no_stack_trace_and_leave_memory_bounded()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SLUICE_FUZZ_SEED"), CultureInfo.InvariantCulture, out var chosen) ? chosen : 15;
        output.WriteLine($"seed {seed} (SLUICE_FUZZ_SEED)");
        var settings = TestGateway.Defaults(null);
        // Populate is an admin's bulk tool: the fuzz may call it, but not for fifty million orders.
        settings["Orders:MaxPopulateCount"] = "1000";
        // Configured as production must be: without the developer's document, name and e-mail or a signing certificate the
        // AFD, the AEJ and the signed outputs answer 503 (the operator's fault, not the client's).
        settings["Punches:DeveloperDocument"] = "45723174000110";
        settings["Punches:DeveloperName"] = "Sluice Desenvolvimento Ltda";
        settings["Punches:DeveloperEmail"] = "ponto@sluice.example";
        using var signing = new TestSigningCa();
        signing.Configure(settings);
        await using var gateway = await TestGateway.StartAsync(settings);
        var establishment = await gateway.EstablishmentAsync();
        var clients = new List<HttpClient>
        {
            gateway.Client,
            gateway.AnonymousClient,
            gateway.CreateClient(roles: [SluiceRoles.Hr]),
            gateway.CreateClient(roles: [SluiceRoles.Auditor]),
            gateway.CreateClient(apiKey: await gateway.CreateApiKeyAsync(ApiKeyKinds.App)),
            gateway.CreateClient(apiKey: await gateway.CreateApiKeyAsync(ApiKeyKinds.Device, establishment.ToString())),
        };
        var operations = (await OpenApiCatalog.ReadAsync(gateway)).ToList();
        operations.Add(new DocumentedOperation("POST", PunchPages.FormPath, "anonymous", [], "application/x-www-form-urlencoded"));
        var methods = new[] { "GET", "POST", "PUT", "DELETE", "PATCH" };
        var fuzz = new FuzzInputs(seed);
        var before = Settled();
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        while (clock.Elapsed < Budget)
        {
            var operation = operations[fuzz.Random.Next(operations.Count)];
            // Now and then the wrong method on the operation's path, as a scanner would send.
            var method = fuzz.Random.Next(8) == 0 ? methods[fuzz.Random.Next(methods.Length)] : operation.Method;
            using var request = Request(operation, method, fuzz, establishment);
            var client = fuzz.Random.Next(3) == 0 ? clients[fuzz.Random.Next(clients.Count)] : gateway.Client;
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token);
            sent++;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync(deadline.Token);
            var backPressure = status == 503 && response.Headers.RetryAfter is not null;
            if ((status >= 500 && !backPressure) || body.Contains("   at Sluice.", StringComparison.Ordinal) || body.Contains("Exception:", StringComparison.Ordinal))
            {
                failures.Add($"#{sent} {method} {request.RequestUri}: {status} {body[..Math.Min(300, body.Length)]}");
            }
        }

        var after = Settled();
        output.WriteLine(string.Join(", ", statuses.Select(s => $"{s.Key}: {s.Value}")));
        output.WriteLine($"{sent} requests in {clock.Elapsed.TotalSeconds:F0} s at {operations.Count} operations; held {before / 1048576} MB before, {after / 1048576} MB after");
        Assert.Empty(failures.Take(20));
        Assert.True(sent >= 200, $"only {sent} requests in {Budget}");
        // Some got past validation into the handlers, or the fuzz proves little.
        Assert.True(statuses.Where(s => s.Key is >= 200 and < 300).Sum(s => s.Value) >= sent / 100, "fewer than 1% of the requests were admitted");
        Assert.True(after - before < MaxGrowthBytes, $"held {(after - before) / 1048576} MB more after the fuzz");
    }

    private static HttpRequestMessage Request(DocumentedOperation operation, string method, FuzzInputs fuzz, Guid establishment)
    {
        var path = operation.Template;
        foreach (var (name, _, schemaType, format) in operation.Parameters.Where(p => p.In == "path"))
        {
            // The real establishment often, so requests get past "not found" into the handlers.
            var value = format == "uuid" && fuzz.Random.Next(2) == 0 ? establishment.ToString() : fuzz.Parameter(schemaType, format);
            path = path.Replace($"{{{name}}}", Uri.EscapeDataString(value), StringComparison.Ordinal);
        }

        var query = operation.Parameters.Where(p => p.In == "query" && fuzz.Random.Next(3) > 0)
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(fuzz.Parameter(p.Type, p.Format))}")
            .ToList();
        var request = new HttpRequestMessage(new HttpMethod(method), query.Count > 0 ? $"{path}?{string.Join('&', query)}" : path);
        if (operation.BodyType is { } type && method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new ByteArrayContent(fuzz.Body(type));
            request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.Random.Next(10) == 0 ? "text/plain" : type);
        }

        return request;
    }

    /// <summary>What the process holds once everything collectable is collected.</summary>
    private static long Settled()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}

/// <summary>
/// Tests that measure the whole test process (its managed heap) run after the others, alone: memory held by test
/// classes running beside them would otherwise count as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Alone
{
    public const string Name = "Alone";
}
