using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Sluice.Delivery.Engine;
using Sluice.Facade;
using Sluice.Journal;
using Sluice.Operations;
using Sluice.Testing;

namespace Sluice.Tests.Replies;

/// <summary>
/// A route calls the reply back through the delivery engine, signed per Standard Webhooks: the signature is checked
/// by the specification's own JavaScript library, not by Sluice's code.
/// </summary>
public sealed class CallbackTests : IAsyncLifetime
{
    private static readonly string Secret = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private TestReceiver _legacy = null!;
    private TestReceiver _receiver = null!;

    public async Task InitializeAsync()
    {
        _legacy = await TestReceiver.StartAsync();
        _legacy.Next = new(201, """{"orderNumber":"L-77"}""", new() { ["X-Order-Number"] = "L-77" });
        _receiver = await TestReceiver.StartAsync();
        _receiver.Next = new(204, "");
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        await _legacy.DisposeAsync();
    }

    private Dictionary<string, string?> Settings() => Settings(_legacy.BaseAddress, Secret);

    /// <summary>A store-first route <c>POST /legacy/orders</c> that keeps the legacy answer and takes a callback URL from the request.</summary>
    internal static Dictionary<string, string?> Settings(Uri legacy, string secret)
    {
        var settings = TestGateway.Defaults(legacy);
        settings["Facade:Routes:0:Name"] = "orders";
        settings["Facade:Routes:0:Method"] = "POST";
        settings["Facade:Routes:0:Path"] = "/legacy/orders";
        settings["Facade:Routes:0:Destinations:0"] = "legacy";
        settings["Facade:Routes:0:Reply:Headers:0"] = "X-Order-Number";
        settings["Facade:Routes:0:Reply:AllowCallbackHeader"] = "true";
        settings["Facade:Routes:0:Reply:CallbackSecret"] = secret;
        settings["Callbacks:AllowedHosts:0"] = "127.0.0.1";
        settings["Delivery:Destinations:callbacks:Sink"] = "webhook";
        settings["Delivery:Destinations:callbacks:MaxAttempts"] = "3";
        settings["Delivery:Destinations:callbacks:BackoffBase"] = "00:00:00.050";
        settings["Delivery:Destinations:callbacks:BackoffMax"] = "00:00:00.100";
        return settings;
    }

    private static Task<HttpResponseMessage> PostAsync(TestGateway gateway, string callback) => PostAsync(gateway.Client, callback);

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string callback)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/legacy/orders")
        {
            Content = new StringContent("""{"sku":"A-1"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(StoreFirstIntake.CallbackHeader, callback);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task Reply_is_called_back_with_a_signature_the_Standard_Webhooks_library_accepts()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());

        var receipt = await PostAsync(gateway, new Uri(_receiver.BaseAddress, "/hooks/orders?tenant=7").AbsoluteUri);

        Assert.Equal(HttpStatusCode.Accepted, receipt.StatusCode);
        var call = await Eventually.UntilAsync(() => Task.FromResult(_receiver.Requests.ToArray()), r => r.Length > 0, because: "the callback arrives");
        var callback = Assert.Single(call);
        Assert.Equal("/hooks/orders?tenant=7", callback.PathAndQuery);
        Assert.False(callback.Headers.ContainsKey("Authorization"));
        Assert.Equal("verified", await VerifyWithStandardWebhooksAsync(callback.Headers, callback.Body));
        Assert.StartsWith("refused", await VerifyWithStandardWebhooksAsync(callback.Headers, callback.Body.Replace("L-77", "L-78", StringComparison.Ordinal)));

        using var payload = JsonDocument.Parse(callback.Body);
        Assert.Equal("sluice.reply", payload.RootElement.GetProperty("type").GetString());
        var data = payload.RootElement.GetProperty("data");
        Assert.Equal(receipt.Headers.GetValues(StoreFirstIntake.MessageIdHeader).Single(), data.GetProperty("messageId").GetString());
        Assert.Equal("delivered", data.GetProperty("outcome").GetString());
        Assert.Equal(201, data.GetProperty("status").GetInt32());
        Assert.Equal("L-77", data.GetProperty("headers").GetProperty("X-Order-Number").GetString());
        Assert.Equal("""{"orderNumber":"L-77"}""", data.GetProperty("body").GetString());
    }

    [Fact]
    public async Task Callback_is_in_the_journal_the_moment_its_reply_is_committed()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());
        var callbacksAtCommit = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        var finished = gateway.Service<FinishedDeliveries>();

        // Raised by the recorder as soon as the reply's commit returns, before it does anything else: a callback stored
        // by a later transaction could not be counted here.
        void OnAnswered(DeliveryOutcome outcome)
        {
            if (outcome.Destination == "legacy")
            {
                callbacksAtCommit.TrySetResult(JournalFile.CountMessages(gateway.JournalPath, "callback"));
            }
        }

        finished.Answered += OnAnswered;
        try
        {
            (await PostAsync(gateway, new Uri(_receiver.BaseAddress, "/hooks").AbsoluteUri)).EnsureSuccessStatusCode();

            Assert.Equal(1, await callbacksAtCommit.Task.WaitAsync(TimeSpan.FromSeconds(30)));
        }
        finally
        {
            finished.Answered -= OnAnswered;
        }

        await Eventually.UntilAsync(() => Task.FromResult(_receiver.Requests.Count), n => n > 0, because: "the callback arrives");
    }

    [Fact]
    public async Task Failing_callback_is_retried_then_dead_lettered()
    {
        _receiver.Next = new(503, "down");
        await using var gateway = await TestGateway.StartAsync(Settings());

        (await PostAsync(gateway, new Uri(_receiver.BaseAddress, "/hooks").AbsoluteUri)).EnsureSuccessStatusCode();

        var dead = await Eventually.UntilAsync(
            async () => (await gateway.Client.GetFromJsonAsync<DeadLetterPage>("/api/dead-letters?destination=callbacks"))!.Items,
            items => items.Count > 0, because: "the callback gives up after its attempts");
        var letter = Assert.Single(dead);
        Assert.Equal("callback", letter.Kind);
        Assert.Equal(3, letter.Attempts);
        Assert.Contains("HTTP 503", letter.LastError);
        var attempts = _receiver.Requests.ToArray();
        Assert.Equal(3, attempts.Length);
        Assert.Single(attempts.Select(a => a.Headers["webhook-id"]).Distinct());
    }

    [Fact]
    public async Task Callback_to_a_host_the_operator_did_not_allow_is_refused_and_nothing_is_stored()
    {
        await using var gateway = await TestGateway.StartAsync(Settings());

        var refused = await PostAsync(gateway, "http://169.254.169.254/latest/meta-data");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = (await refused.Content.ReadFromJsonAsync<ValidationProblemDetails>())!;
        Assert.Contains("169.254.169.254", Assert.Single(problem.Errors[StoreFirstIntake.CallbackHeader]));
        var destinations = await gateway.Client.GetStringAsync("/api/destinations");
        Assert.DoesNotContain("\"backlog\":1", destinations);
        Assert.Empty(_legacy.Requests);
    }

    /// <summary>Runs the Standard Webhooks reference library (npm <c>standardwebhooks</c>) on what the receiver got.</summary>
    private static async Task<string> VerifyWithStandardWebhooksAsync(IReadOnlyDictionary<string, string> headers, string body)
    {
        var folder = Path.Combine(SourceFolder(), "WebhookVerifier");
        if (!Directory.Exists(Path.Combine(folder, "node_modules")))
        {
            var installed = await ExternalTool.RunAsync(
                ExternalTool.Require("npm", "npm"), ["ci", "--no-audit", "--no-fund"], workingDirectory: folder, timeout: TimeSpan.FromMinutes(5));
            if (installed.ExitCode != 0)
            {
                throw new InvalidOperationException($"npm ci failed: {installed.StandardError}");
            }
        }

        var input = JsonSerializer.Serialize(new
        {
            secret = Secret,
            headers = new Dictionary<string, string>
            {
                ["webhook-id"] = headers["webhook-id"],
                ["webhook-timestamp"] = headers["webhook-timestamp"],
                ["webhook-signature"] = headers["webhook-signature"],
            },
            body,
        });
        // verify.js prints its verdict, and exits non-zero when the signature does not verify.
        return (await ExternalTool.RunAsync(ExternalTool.Require("node", "nodejs"), ["verify.js"], input, workingDirectory: folder)).StandardOutput.Trim();
    }

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
