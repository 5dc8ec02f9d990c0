using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using Sluice.Punches;
using Sluice.Punches.Ledger;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Ledger;

public sealed class PostgresLedgerTests : LedgerTests
{
    private PostgresTestDatabase _database = null!;

    protected override (string Table, string DisableTriggers) Intrusion =>
        ("sluice.punch_ledger", "ALTER TABLE sluice.punch_ledger DISABLE TRIGGER punch_ledger_immutable");

    protected override async Task<Dictionary<string, string?>> EngineSettingsAsync()
    {
        _database = await PostgresTestDatabase.CreateAsync("ledger");
        return _database.Settings();
    }

    [Fact]
    public async Task Two_nodes_punching_for_one_establishment_share_one_gap_free_sequence()
    {
        var settings = TestGateway.Defaults(null);
        _database.Configure(settings);
        await using var other = await TestGateway.StartAsync(settings);
        Assert.Empty((await other.Client.GetFromJsonAsync<object[]>("/api/establishments"))!); // the other node has read the registry

        // Registered through the first node: the other finds them without waiting for its periodic refresh.
        await Gateway.RegisterEmployeesAsync("5001", "5002");

        var punches = Enumerable.Range(0, 60).Select(i => i % 2 == 0
            ? Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = "5001", punchedAt = Gateway.Now() })
            : other.Client.PostAsJsonAsync("/api/punches", new { employeeId = "5002", punchedAt = Gateway.Now() }));
        var responses = await Task.WhenAll(punches);

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var nsrs = (await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<PunchReceipt>()))).Select(r => r!.Nsr).Order();
        Assert.Equal(Enumerable.Range(4, 60).Select(n => (long)n), nsrs); // 1: the employer (type 2), 2 and 3: the employees (type 5)
        var verification = (await other.Client.GetFromJsonAsync<ChainVerification>($"/api/establishments/{await Gateway.EstablishmentAsync()}/verify"))!;
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(63, verification.LastNsr);
    }

    protected override async Task<DbConnection> OpenDatabaseAsync() => await _database.OpenAsync();

    [Fact]
    public async Task A_second_node_starting_and_stopping_writes_07_and_08_into_the_shared_sequence_without_a_02()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var settings = TestGateway.Defaults(null);
        _database.Configure(settings);
        settings["Delivery:NodeId"] = "node-b"; // this class's first node runs under the host name

        await (await TestGateway.StartAsync(settings)).DisposeAsync();
        await Gateway.RegisterEmployeesAsync("5101");

        var records = await LedgerWalk.TypesAsync(Gateway, establishment);
        Assert.Equal(["1:2", "2:607", "3:608", "4:5"], records);
        Assert.True((await Gateway.Client.GetFromJsonAsync<ChainVerification>($"/api/establishments/{establishment}/verify"))!.Valid);
    }
}
