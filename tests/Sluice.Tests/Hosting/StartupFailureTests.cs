using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Sluice.Operations;
using Sluice.Testing;

namespace Sluice.Tests.Hosting;

/// <summary>
/// What a new user sees when Sluice cannot start: exit code 2 and a line naming the setting or resource and what to
/// do, never a stack trace; and a node that cannot start sends nothing on its way out.
/// </summary>
public sealed class StartupFailureTests
{
    [Theory]
    [InlineData("Delivery:Destinations:legacy:Timeout", "30s", "a duration")]
    [InlineData("Delivery:Destinations:legacy:Concurrency", "abc", "a whole number")]
    [InlineData("Journal:MaxBatchSize", "many", "a whole number")]
    public async Task A_value_that_cannot_be_read_is_named_with_the_form_it_must_take(string key, string value, string expected)
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync($"--{key}={value}");

        AssertRefused(exit, printed);
        Assert.Contains($"{key}: '{value}' is not {expected}", printed, StringComparison.Ordinal);
        // The destination is there, only unreadable: nothing may blame the punches' destinations for it.
        Assert.DoesNotContain("Punches:Destinations", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_journal_connection_string_is_named()
    {
        var (exit, printed) = await SluiceCli.StartGatewayAsync(
            "--Journal:Engine=postgres", "--ConnectionStrings:Journal=Host=127.0.0.1;Port=abc;Username=sluice;Password=never-printed");

        AssertRefused(exit, printed);
        Assert.Contains("ConnectionStrings:Journal is not a valid PostgreSQL connection string", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("never-printed", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_journal_database_is_named_without_its_password()
    {
        var closedPort = GatewayProcess.FreePort();
        var (exit, printed) = await SluiceCli.StartGatewayAsync(
            "--Journal:Engine=postgres", $"--ConnectionStrings:Journal=Host=127.0.0.1;Port={closedPort};Username=sluice;Password=never-printed;Timeout=5");

        AssertRefused(exit, printed);
        Assert.Contains($"ConnectionStrings:Journal: host 127.0.0.1, port {closedPort}", printed, StringComparison.Ordinal);
        Assert.Contains("Start the database or correct the connection string", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("never-printed", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journal_path_that_cannot_be_written_is_named()
    {
        // A folder path through a plain file: refused even for root, which may write anywhere else.
        using var folder = new TempFolder();
        var file = folder.File("not-a-folder");
        await File.WriteAllTextAsync(file, "");
        var path = Path.Combine(file, "sluice.db");

        var (exit, printed) = await SluiceCli.StartGatewayAsync($"--Journal:Path={path}");

        AssertRefused(exit, printed);
        Assert.Contains($"Journal:Path '{path}' cannot be opened for writing", printed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_node_on_a_busy_port_sends_and_leases_nothing_before_it_stops()
    {
        await using var legacy = await TestLegacy.StartAsync();
        using var folder = new TempFolder();
        var journal = folder.File("sluice.db");
        var settings = TestGateway.Defaults(legacy.BaseAddress);

        // Punches waiting in the journal: taken while the destination's only window is closed.
        settings["Delivery:Destinations:legacy:Schedule:Mode"] = "windows";
        settings["Delivery:Destinations:legacy:Schedule:Windows:0"] = ClosedWindow();
        await using (var first = await TestGateway.StartAsync(settings, journal))
        {
            foreach (var employee in new[] { "1001", "1002" })
            {
                using var accepted = await first.PostPunchAsync(employee);
                Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            }
        }

        // A node started on the same journal, on a port another program holds, with the window open and a lease so
        // long that anything it leased would be out of everyone's reach for the rest of the test.
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        var (exit, printed) = await SluiceCli.RunAsync(
        [
            $"--urls=http://127.0.0.1:{port}", $"--Journal:Path={journal}", $"--Legacy:BaseUrl={legacy.BaseAddress}",
            "--Delivery:LeaseDuration=00:10:00", .. TestCredentials.Settings.Select(s => $"--{s.Key}={s.Value}"),
        ]);

        AssertRefused(exit, printed);
        Assert.Contains($"http://127.0.0.1:{port}", printed, StringComparison.Ordinal);
        Assert.Contains("address already in use", printed, StringComparison.Ordinal);
        Assert.Contains("--urls", printed, StringComparison.Ordinal);
        Assert.Equal(0, (await legacy.StatsAsync()).Received);

        // Nothing was left leased: a node that does start delivers both at once, not after the lease runs out.
        settings.Remove("Delivery:Destinations:legacy:Schedule:Mode");
        settings.Remove("Delivery:Destinations:legacy:Schedule:Windows:0");
        settings["Delivery:LeaseDuration"] = "00:10:00";
        await using var second = await TestGateway.StartAsync(settings, journal);
        await Eventually.UntilAsync(
            async () => (await second.Client.GetFromJsonAsync<List<DestinationView>>("/api/destinations"))!.Single(d => d.Name == "legacy"),
            d => d.Delivered == 2, TimeSpan.FromSeconds(60), "both punches are delivered by the node that started");
    }

    private static void AssertRefused(int exit, string printed)
    {
        Assert.True(exit == 2, $"exit code {exit}:\n{printed}");
        Assert.Contains("Sluice cannot start:", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", printed, StringComparison.Ordinal);
        Assert.True(printed.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length <= 12, $"a few lines, not a report:\n{printed}");
    }

    /// <summary>A one-minute daily window twelve hours from now (UTC): closed for the whole test.</summary>
    private static string ClosedWindow()
    {
        var start = DateTime.UtcNow.AddHours(12);
        return $"{start:HH:mm}-{start.AddMinutes(1):HH:mm}";
    }
}
