using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Sluice.Facade;
using Sluice.Operations;
using Sluice.Testing;

namespace Sluice.Tests.Replies;

/// <summary>A reply that is in has its callback in too: a SIGKILL right after the reply's commit loses neither.</summary>
public sealed class CallbackCrashTests
{
    [Fact]
    public async Task Callback_still_arrives_when_the_gateway_is_killed_right_after_the_reply_is_committed()
    {
        await using var legacy = await TestReceiver.StartAsync();
        legacy.Next = new(201, """{"orderNumber":"L-77"}""");
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Next = new(204, "");
        using var folder = new TempFolder();
        var settings = CallbackTests.Settings(legacy.BaseAddress, "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        settings["Journal:Path"] = folder.File("sluice.db");

        var gateway = await GatewayProcess.StartAsync(settings);
        string id;
        try
        {
            // Held back, so the callback cannot have gone out before the kill: it must come from the journal.
            (await gateway.Client.PostAsync("/api/destinations/callbacks/pause", null)).EnsureSuccessStatusCode();
            using var receipt = await CallbackTests.PostAsync(gateway.Client, new Uri(receiver.BaseAddress, "/hooks").AbsoluteUri);
            Assert.Equal(HttpStatusCode.Accepted, receipt.StatusCode);
            id = receipt.Headers.GetValues(StoreFirstIntake.MessageIdHeader).Single();

            await Eventually.UntilAsync(() => gateway.Client.GetAsync(receipt.Headers.Location), r => r.StatusCode == HttpStatusCode.Created,
                because: "the legacy answer is committed as the reply");
        }
        finally
        {
            await gateway.KillAsync();
            await gateway.DisposeAsync();
        }

        Assert.Empty(receiver.Requests);

        await using var restarted = await GatewayProcess.StartAsync(settings);

        var calls = await Eventually.UntilAsync(() => Task.FromResult(receiver.Requests.ToArray()), r => r.Length > 0,
            because: "the callback stored with the reply is sent after the restart");
        await Eventually.UntilAsync(
            async () => (await restarted.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "callbacks"),
            d => d.Backlog == 0, because: "the callback is delivered");
        var callback = Assert.Single(receiver.Requests.ToArray());
        Assert.Same(calls[0], callback);
        using var payload = JsonDocument.Parse(callback.Body);
        var data = payload.RootElement.GetProperty("data");
        Assert.Equal(id, data.GetProperty("messageId").GetString());
        Assert.Equal(201, data.GetProperty("status").GetInt32());
        Assert.Equal("""{"orderNumber":"L-77"}""", data.GetProperty("body").GetString());
    }
}
