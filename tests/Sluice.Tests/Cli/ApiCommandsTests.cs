using System.Net;
using System.Net.Http.Json;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Cli;

/// <summary>The operator commands, run as a user runs them (the built executable), against a real gateway.</summary>
public sealed class ApiCommandsTests : LegacyGatewayTest
{
    private string Server => Gateway.BaseAddress.ToString();

    [Fact]
    public async Task Dlq_lists_replays_and_discards_dead_letters_and_status_counts_them()
    {
        await Legacy.ConfigureAsync(new { rejectStatus = 422 });
        var replayed = await PostPunchAsync("9001");
        var discarded = await PostPunchAsync("9002");
        await Eventually.UntilAsync(Gateway.DeadLettersAsync, d => d.Count == 2, because: "both refused punches are dead letters");

        // The server and token come from the environment here; the other commands name them with --server and --token.
        var environment = new Dictionary<string, string> { ["SLUICE_SERVER"] = Server, ["SLUICE_TOKEN"] = TestCredentials.Token(SluiceRoles.Auditor) };
        var (listExit, list) = await SluiceCli.RunAsync(environment, "dlq", "list");
        Assert.Equal(0, listExit);
        Assert.Contains(replayed.ToString(), list, StringComparison.Ordinal);
        Assert.Contains(discarded.ToString(), list, StringComparison.Ordinal);
        Assert.Contains("422", list, StringComparison.Ordinal);

        var (statusExit, status) = await CliAsync("status");
        Assert.Equal(0, statusExit);
        Assert.Contains("ready", status, StringComparison.Ordinal);
        var legacyRow = status.Split('\n').Single(l => l.StartsWith("legacy", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("2", legacyRow[5]); // destination, backlog, in flight, delivered, retrying, dead

        // Ids are time-ordered, so the two share their first characters: that start fits both and is refused.
        var shared = CommonStart(replayed.ToString(), discarded.ToString());
        var (ambiguousExit, ambiguous) = await CliAsync("dlq", "replay", shared);
        Assert.Equal(1, ambiguousExit);
        Assert.Contains($"'{shared}' is the start of more than one dead letter id", ambiguous, StringComparison.Ordinal);
        Assert.Contains(replayed.ToString(), ambiguous, StringComparison.Ordinal);
        Assert.Contains(discarded.ToString(), ambiguous, StringComparison.Ordinal);

        // A start long enough to fit one id is as good as the id.
        await Legacy.ConfigureAsync(new { rejectStatus = 0 });
        var (replayExit, replay) = await CliAsync("dlq", "replay", replayed.ToString()[..(shared.Length + 2)]);
        Assert.True(replayExit == 0, replay);
        Assert.Contains("Replayed 1 dead letter(s).", replay, StringComparison.Ordinal);
        var (discardExit, discard) = await CliAsync("dlq", "discard", discarded.ToString()[..(shared.Length + 2)]);
        Assert.Equal(0, discardExit);
        Assert.Contains($"Discarded {discarded}.", discard, StringComparison.Ordinal);

        await Eventually.UntilAsync(Gateway.DeadLettersAsync, d => d.Count == 0, because: "one replayed, one discarded");
        await Eventually.UntilAsync(
            () => Task.FromResult(Legacy.System.AppliedKeys()), k => k.Count == 1, because: "the replayed punch is delivered");
        Assert.Equal(replayed, Guid.Parse(Assert.Single(Legacy.System.AppliedKeys())));

        // A second discard of the same id: the server's 404 reaches the user as exit code 1 with its title.
        var (againExit, again) = await CliAsync("dlq", "discard", discarded.ToString());
        Assert.Equal(1, againExit);
        Assert.Contains("404", again, StringComparison.Ordinal);
        Assert.Contains("No dead letter with this id.", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_sends_the_count_it_was_given_and_summarises_rate_latency_and_errors()
    {
        var (exit, output) = await CliAsync("load", "--count", "300", "--concurrency", "4");
        Assert.True(exit == 0, output);
        Assert.Contains("Accepted 300 of 300 punches", output, StringComparison.Ordinal);
        Assert.Contains("Refused 0; failed 0.", output, StringComparison.Ordinal);
        Assert.Matches(@"Latency ms: p50 \d+\.\d, p90 \d+\.\d, p99 \d+\.\d, max \d+\.\d\.", output);
        Assert.Equal(300, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Fact]
    public async Task Load_for_a_duration_shows_progress_and_counts_refusals_apart_from_what_was_accepted()
    {
        // The simulator stands in for a gateway that refuses every punch.
        await Legacy.ConfigureAsync(new { rejectStatus = 429 });
        var (exit, output) = await SluiceCli.RunAsync(
            "load", "--duration", "1500ms", "--concurrency", "2", "--establishment", Guid.NewGuid().ToString(), "--server", Legacy.BaseAddress.ToString());
        Assert.Equal(1, exit);
        Assert.Matches(@"\[[#.]{20}\] +\d+ sent +\d+/s +p50 +\d+\.\d ms +p99 +\d+\.\d ms +not accepted [1-9]", output); // printed each second when redirected
        var sent = (await Legacy.StatsAsync()).Received;
        Assert.Contains($"Accepted 0 of {sent} punches", output, StringComparison.Ordinal);
        Assert.Contains($"Refused {sent} (429: {sent}); failed 0.", output, StringComparison.Ordinal);
        Assert.Contains("Limits:RatePerSecond", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_reuses_its_own_establishment_and_leaves_the_quick_start_codes_unambiguous()
    {
        // The Quick start's employee 1, punched by code alone.
        using (var before = await Gateway.PostPunchAsync("1"))
        {
            Assert.Equal(HttpStatusCode.Accepted, before.StatusCode);
        }

        for (var run = 0; run < 2; run++)
        {
            var (exit, output) = await CliAsync("load", "--count", "10", "--employees", "3", "--concurrency", "2");
            Assert.True(exit == 0, output);
        }

        var establishments = await Gateway.Client.GetFromJsonAsync<List<Sluice.Punches.Registry.EstablishmentView>>("/api/establishments");
        var load = Assert.Single(establishments!, e => e.LegalName == "Sluice load test");
        Assert.NotEqual(PunchRegistry.Cnpj, load.Document);
        var employees = await Gateway.Client.GetStringAsync($"/api/establishments/{load.Id}/employees");
        Assert.Contains("\"load-1\"", employees, StringComparison.Ordinal);

        using var after = await Gateway.PostPunchAsync("1");
        Assert.Equal(HttpStatusCode.Accepted, after.StatusCode);
    }

    [Fact]
    public async Task Load_refuses_an_address_that_is_not_this_machine()
    {
        var (exit, output) = await SluiceCli.RunAsync("load", "--count", "1", "--server", "http://192.0.2.1:5080");
        Assert.Equal(2, exit);
        Assert.Contains("loopback", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("keys")]
    [InlineData("keys list")]
    [InlineData("dlq")]
    [InlineData("dlq list")]
    [InlineData("dlq replay")]
    [InlineData("dlq discard")]
    [InlineData("load")]
    [InlineData("keys create")]
    [InlineData("keys revoke")]
    [InlineData("afd")]
    [InlineData("espelho")]
    public async Task Every_command_explains_itself_with_help_and_shows_no_secret(string command)
    {
        var token = TestCredentials.Token(SluiceRoles.Admin);
        var environment = new Dictionary<string, string> { ["SLUICE_TOKEN"] = token, ["SLUICE_API_KEY"] = "sk_never_on_screen" };
        var (exit, output) = await SluiceCli.RunAsync(environment, [.. command.Split(' '), "--help"]);
        Assert.Equal(0, exit);
        Assert.Contains($"Sluice {command}", output, StringComparison.Ordinal);
        Assert.Contains("Description:", output, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..20], output, StringComparison.Ordinal);
        Assert.DoesNotContain("sk_never_on_screen", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_from_the_environment_still_reach_the_server()
    {
        var environment = new Dictionary<string, string> { ["SLUICE_SERVER"] = Server, ["SLUICE_TOKEN"] = TestCredentials.Token(SluiceRoles.Admin) };
        var (exit, output) = await SluiceCli.RunAsync(environment, "keys", "list");
        Assert.True(exit == 0, output);
        Assert.StartsWith("id", output, StringComparison.Ordinal);
    }

    /// <summary>Runs a command against the test gateway as an admin.</summary>
    private Task<ToolOutput> CliAsync(params string[] arguments) =>
        SluiceCli.RunAsync([.. arguments, "--server", Server, "--token", TestCredentials.Token(SluiceRoles.Admin)]);

    private async Task<Guid> PostPunchAsync(string employee)
    {
        using var response = await Gateway.PostPunchAsync(employee);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<Sluice.Punches.PunchReceipt>())!.Id;
    }

    private static string CommonStart(string a, string b) => a[..a.Zip(b).TakeWhile(p => p.First == p.Second).Count()];
}
