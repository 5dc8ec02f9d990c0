using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Punches.Ledger;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Ledger;

/// <summary>The ledger's promises, proven on each journal engine: gap-free NSRs, a verifiable chain, tampering found.</summary>
public abstract class LedgerTests : IAsyncLifetime
{
    private TestLegacy _legacy = null!;

    protected TestGateway Gateway { get; private set; } = null!;

    /// <summary>Settings that put the gateway's journal on this engine.</summary>
    protected abstract Task<Dictionary<string, string?>> EngineSettingsAsync();

    /// <summary>A connection to the journal's database, as an intruder with database access would have.</summary>
    protected abstract Task<DbConnection> OpenDatabaseAsync();

    /// <summary>The ledger table's name in SQL, and the statement that lifts its immutability triggers.</summary>
    protected abstract (string Table, string DisableTriggers) Intrusion { get; }

    public async Task InitializeAsync()
    {
        _legacy = await TestLegacy.StartAsync();
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        foreach (var (key, value) in await EngineSettingsAsync())
        {
            settings[key] = value;
        }

        // Punches stay in the pending table until a test moves them (EmployeeIndexer.CatchUpAsync).
        settings["Punches:EmployeeIndexInterval"] = "1.00:00:00";
        Gateway = await TestGateway.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _legacy.DisposeAsync();
    }

    [Fact]
    public async Task Fifty_concurrent_punches_to_one_establishment_take_consecutive_NSRs_and_the_chain_verifies()
    {
        string[] employees = ["2001", "2002", "2003", "2004", "2005"];
        await Gateway.RegisterEmployeesAsync(employees);
        var registrations = 1 + employees.Length; // the employer's type 2 record, then each inclusion's type 5, take NSRs first

        var responses = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Gateway.PostPunchAsync(employees[i % employees.Length])));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var receipts = await Task.WhenAll(responses.Select(r => r.Content.ReadFromJsonAsync<PunchReceipt>()));
        Assert.Equal(Enumerable.Range(registrations + 1, 50).Select(n => (long)n), receipts.Select(r => r!.Nsr).Order());
        Assert.All(receipts, r => Assert.Matches("^[0-9a-f]{64}$", r!.Hash));
        Assert.Equal(50, receipts.Select(r => r!.Hash).Distinct().Count());
        var verification = await VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(registrations + 50, verification.LastNsr);
        Assert.Equal(50, verification.Punches);
    }

    [Fact]
    public async Task An_employees_punches_are_read_the_same_before_and_after_they_move_into_the_by_employee_index()
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(-3)).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Gateway.RegisterEmployeesAsync("3101");
        var receipts = new List<PunchReceipt>();
        foreach (var time in new[] { "08:00", "12:00", "13:00", "17:00" })
        {
            var response = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = "3101", punchedAt = $"{day}T{time}:00-03:00", offline = true });
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            receipts.Add((await response.Content.ReadFromJsonAsync<PunchReceipt>())!);
        }

        var employee = receipts[0].EmployeeInternalId;
        var queries = Gateway.Service<LedgerQueries>();
        var from = DateTimeOffset.Parse($"{day}T00:00:00-03:00", CultureInfo.InvariantCulture);
        async Task<long[]> ReadAsync() => [.. (await queries.ForEmployeeAsync(employee, from, from.AddDays(1), CancellationToken.None)).Select(p => p.Nsr)];
        async Task<long> WorkedMinutesAsync() =>
            (await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/employees/{employee}/timesheet?from={day}&to={day}"))
                .GetProperty("workedMinutes").GetInt64();

        Assert.Equal(receipts.Select(r => r.Nsr), await ReadAsync());
        Assert.Equal(480, await WorkedMinutesAsync());
        Assert.Equal(4L, await CountAsync("punch_index_pending"));

        Assert.True(await Gateway.Service<EmployeeIndexer>().CatchUpAsync(CancellationToken.None) >= 4);

        Assert.Equal(0L, await CountAsync("punch_index_pending"));
        Assert.Equal(4L, await CountAsync("punch_employee_punches"));
        Assert.Equal(receipts.Select(r => r.Nsr), await ReadAsync());
        Assert.Equal(480, await WorkedMinutesAsync());
        Assert.True((await VerifyAsync()).Valid);
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Intrusion.Table.Replace("punch_ledger", table, StringComparison.Ordinal)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Editing_one_stored_punch_in_the_database_is_found_by_verify_at_its_NSR()
    {
        var receipts = new List<PunchReceipt>();
        for (var i = 0; i < 6; i++)
        {
            receipts.Add((await (await Gateway.PostPunchAsync("3001")).Content.ReadFromJsonAsync<PunchReceipt>())!);
        }

        Assert.True((await VerifyAsync()).Valid, "the untouched chain verifies");
        var victim = receipts[3].Nsr;

        await using var connection = await OpenDatabaseAsync();
        var (table, disableTriggers) = Intrusion;
        var refused = await Assert.ThrowsAnyAsync<DbException>(() => ExecuteAsync(connection, $"UPDATE {table} SET punched_at_ms = punched_at_ms + 1 WHERE nsr = {victim}"));
        Assert.Contains("immutable", refused.Message, StringComparison.Ordinal);
        await ExecuteAsync(connection, disableTriggers);
        await ExecuteAsync(connection, $"UPDATE {table} SET cpf = '52998224725' WHERE nsr = {victim}");

        var verification = await VerifyAsync();
        Assert.False(verification.Valid);
        Assert.Equal(victim, verification.FirstBadNsr);
    }

    [Fact]
    public async Task A_repeat_with_the_same_client_punch_id_gets_the_same_NSR_while_two_real_punches_in_a_minute_both_stay()
    {
        await Gateway.RegisterEmployeesAsync("4001");
        var at = Gateway.Now();
        var body = new { employeeId = "4001", punchedAt = at, collector = "app", clientPunchId = "phone-9-0001" };

        var first = (await (await Gateway.Client.PostAsJsonAsync("/api/punches", body)).Content.ReadFromJsonAsync<PunchReceipt>())!;
        var repeat = (await (await Gateway.Client.PostAsJsonAsync("/api/punches", body)).Content.ReadFromJsonAsync<PunchReceipt>())!;
        var second = (await (await Gateway.Client.PostAsJsonAsync("/api/punches", body with { clientPunchId = "phone-9-0002" })).Content.ReadFromJsonAsync<PunchReceipt>())!;

        Assert.Equal(first, repeat);
        Assert.Equal(first.Nsr + 1, second.Nsr);
        Assert.NotEqual(first.Hash, second.Hash);
        Assert.Equal(2, (await VerifyAsync()).Punches);
    }

    [Fact]
    public async Task Employer_employee_and_service_records_take_the_punches_sequence_and_the_chain_still_verifies()
    {
        var establishment = await Gateway.EstablishmentAsync();
        await Gateway.RegisterEmployeesAsync("4501");
        await Gateway.PostPunchAsync("4501");
        var renamed = await Gateway.Client.PutAsJsonAsync($"/api/establishments/{establishment}", new Sluice.Punches.Registry.EstablishmentRequest(
            "cnpj", PunchRegistry.Cnpj, null, "Nome Novo Ltda", PunchRegistry.InpiNumber, "America/Sao_Paulo"));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        await Gateway.PostPunchAsync("4501");
        var events = Gateway.Service<ServiceEvents>();
        await events.RecordStopAsync(CancellationToken.None);
        Assert.False(await events.RecordStartAsync(CancellationToken.None)); // its stop was recorded: no 02
        await Gateway.PostPunchAsync("4501");

        var records = await LedgerWalk.TypesAsync(Gateway, establishment);

        Assert.Equal(["1:2", "2:5", "3:7", "4:2", "5:7", "6:608", "7:607", "8:7"], records);
        var verification = await VerifyAsync();
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(8, verification.LastNsr);
    }

    private async Task<ChainVerification> VerifyAsync() =>
        (await Gateway.Client.GetFromJsonAsync<ChainVerification>($"/api/establishments/{await Gateway.EstablishmentAsync()}/verify"))!;

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
