using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Punches.Ledger;
using Sluice.Punches.Treatment;
using Sluice.Testing;
using Sluice.Tests.Punches.Ledger;

namespace Sluice.Tests.Punches.Treatment;

/// <summary>
/// The treatment program's promises, proven on each journal engine: treated markings change what counts, never the
/// ledger, the AFD or the chain; bad input is refused field by field with nothing stored; treatments cannot be edited.
/// </summary>
public abstract class TreatmentTests : IAsyncLifetime
{
    protected TestGateway Gateway { get; private set; } = null!;

    protected abstract Task<Dictionary<string, string?>> EngineSettingsAsync();

    protected abstract Task<DbConnection> OpenDatabaseAsync();

    /// <summary>The treatments table's name in SQL.</summary>
    protected abstract string TreatmentsTable { get; }

    public async Task InitializeAsync()
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:DeveloperDocument"] = "45723174000110";
        settings["Punches:DeveloperName"] = "Sluice Desenvolvimento Ltda";
        settings["Punches:DeveloperEmail"] = "ponto@sluice.example";
        foreach (var (key, value) in await EngineSettingsAsync())
        {
            settings[key] = value;
        }

        Gateway = await TestGateway.StartAsync(settings);
    }

    public async Task DisposeAsync() => await Gateway.DisposeAsync();

    [Fact]
    public async Task Included_disregarded_and_preassigned_markings_change_what_counts_but_not_the_ledger_the_AFD_or_verify()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var now = DateTimeOffset.Parse(Gateway.Now(), CultureInfo.InvariantCulture);
        var entry = await PunchAsync("6001", now.AddHours(-4));
        var duplicate = await PunchAsync("6001", now.AddHours(-4).AddMinutes(1));
        var employee = await EmployeeIdAsync("6001");
        using var afd = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/afd");
        var pinned = PinnedQuery(afd);
        var afdBefore = await afd.Content.ReadAsByteArrayAsync();
        var ledgerBefore = await LedgerWalk.FieldsAsync(Gateway, establishment);

        await CreateScheduleAsync(establishment, "COM8", ("08:00", "12:00"), ("13:00", "17:00"));
        (await Gateway.Client.PutAsJsonAsync($"/api/employees/{employee}/contract",
            new ContractRequest("2024-03-01", "Auxiliar administrativo", "COM8"))).EnsureSuccessStatusCode();
        var included = await TreatAsync(employee, new TreatmentRequest("included", Iso(now.AddHours(-1)), null, "Esqueceu de marcar a saída"));
        var preassigned = await TreatAsync(employee, new TreatmentRequest("preassigned", Iso(now.AddHours(-3)), null, "Intervalo pré-assinalado"));
        var disregarded = await TreatAsync(employee, new TreatmentRequest("disregarded", null, duplicate.Nsr, "Marcação em duplicidade"));

        Assert.Equal(TestCredentials.PersonCpf, included.ResponsibleCpf);
        Assert.Equal(duplicate.Nsr, disregarded.Nsr);
        var markings = (await Gateway.Client.GetFromJsonAsync<EmployeeMarkingsView>(
            $"/api/employees/{employee}/markings?from={now.AddDays(-1):yyyy-MM-dd}&to={now:yyyy-MM-dd}"))!;
        Assert.Equal(
            [("original", entry.Nsr, (string?)null), ("preassigned", null, "Intervalo pré-assinalado"), ("included", null, "Esqueceu de marcar a saída")],
            markings.Effective.Select(m => (m.Source, m.Nsr, m.Reason)));
        Assert.Equal(included.Id, markings.Effective[2].TreatmentId);
        var setAside = Assert.Single(markings.Disregarded);
        Assert.Equal((duplicate.Nsr, "Marcação em duplicidade", TestCredentials.PersonCpf), (setAside.Nsr, setAside.Reason, setAside.ResponsibleCpf));

        // The AEJ shows the included marking as included (fonteMarc I, no REP) with its reason, the duplicate as D; entry, break out, back.
        using var aej = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/aej?from={now.AddDays(-1):yyyy-MM-dd}&to={now:yyyy-MM-dd}");
        var aejLines = System.Text.Encoding.Latin1.GetString(await aej.Content.ReadAsByteArrayAsync()).Split("\r\n");
        Assert.True(aej.StatusCode == HttpStatusCode.OK, string.Join('\n', aejLines));
        Assert.Contains($"05|1|{Dh(now.AddHours(-1))}||E|002|I||Esqueceu de marcar a saída", aejLines);
        Assert.Contains($"05|1|{Dh(now.AddHours(-3))}||S|001|P||Intervalo pré-assinalado", aejLines);
        Assert.Contains($"05|1|{Dh(now.AddHours(-4).AddMinutes(1))}|1|D|001|O||Marcação em duplicidade", aejLines);
        Assert.Contains($"05|1|{Dh(now.AddHours(-4))}|1|E|001|O|COM8|", aejLines);

        // The legal record is untouched: the same rows, the same AFD bytes for the same production, a valid chain.
        Assert.Equal(ledgerBefore, await LedgerWalk.FieldsAsync(Gateway, establishment));
        using var again = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/afd?{pinned}");
        Assert.Equal(afdBefore, await again.Content.ReadAsByteArrayAsync());
        var verification = (await Gateway.Client.GetFromJsonAsync<ChainVerification>($"/api/establishments/{establishment}/verify"))!;
        Assert.True(verification.Valid, verification.Problem);
        Assert.Equal(2, verification.Punches);
    }

    [Fact]
    public async Task Bad_treatment_program_input_is_refused_field_by_field_and_nothing_is_stored()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var now = DateTimeOffset.Parse(Gateway.Now(), CultureInfo.InvariantCulture);
        var other = await PunchAsync("6102", now.AddHours(-2));
        var own = await PunchAsync("6101", now.AddHours(-2));
        var employee = await EmployeeIdAsync("6101");

        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments", new { kind = "forgotten" }),
            HttpStatusCode.BadRequest, "kind", "reason");
        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments",
            new TreatmentRequest("included", "2026-12-07T12:00:00", null, "sem fuso")), HttpStatusCode.BadRequest, "punchedAt");
        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments",
            new TreatmentRequest("included", Iso(now.AddDays(2)), null, "futuro")), HttpStatusCode.BadRequest, "punchedAt");
        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments",
            new TreatmentRequest("disregarded", null, other.Nsr, "de outro empregado")), HttpStatusCode.BadRequest, "nsr");
        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments",
            new TreatmentRequest("included", Iso(now), null, "a|b")), HttpStatusCode.BadRequest, "reason");
        using (var noCpf = TestCredentials.Client(Gateway.BaseAddress, new("Bearer", TestCredentials.TokenWithoutCpf("hr"))))
        {
            await AssertFieldsAsync(await noCpf.PostAsJsonAsync($"/api/employees/{employee}/treatments",
                new TreatmentRequest("included", Iso(now), null, "sem responsável")), HttpStatusCode.Forbidden, "responsibleCpf");
        }

        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/schedules",
            new ScheduleRequest("", null, 0, [new SchedulePair("8h", "12:00")], ["mon", "funday"])), HttpStatusCode.BadRequest,
            "code", "dailyMinutes", "pairs", "weekDays");
        await AssertFieldsAsync(await Gateway.Client.PutAsJsonAsync($"/api/employees/{employee}/contract",
            new ContractRequest("2024-02-30", "Operador", "NOPE")), HttpStatusCode.BadRequest, "admissionDate");
        await AssertFieldsAsync(await Gateway.Client.PutAsJsonAsync($"/api/employees/{employee}/contract",
            new ContractRequest("2024-02-01", "Operador", "NOPE")), HttpStatusCode.BadRequest, "scheduleCode");

        Assert.Empty((await Gateway.Client.GetFromJsonAsync<TreatmentView[]>(
            $"/api/employees/{employee}/treatments?from={now.AddDays(-1):yyyy-MM-dd}&to={now:yyyy-MM-dd}"))!);
        Assert.Empty((await Gateway.Client.GetFromJsonAsync<ScheduleView[]>($"/api/establishments/{establishment}/schedules"))!);
        Assert.Equal(HttpStatusCode.NotFound, (await Gateway.Client.GetAsync($"/api/employees/{employee}/contract")).StatusCode);

        // A punch is disregarded once; a schedule's code is the establishment's once.
        await TreatAsync(employee, new TreatmentRequest("disregarded", null, own.Nsr, "teste"));
        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments",
            new TreatmentRequest("disregarded", null, own.Nsr, "de novo")), HttpStatusCode.Conflict, "nsr");
        await CreateScheduleAsync(establishment, "T1", ("22:00", "05:00"));
        await AssertFieldsAsync(await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/schedules",
            new ScheduleRequest("T1", null, null, [new SchedulePair("08:00", "17:00")], ["mon"])), HttpStatusCode.Conflict, "code");
        var night = Assert.Single((await Gateway.Client.GetFromJsonAsync<ScheduleView[]>($"/api/establishments/{establishment}/schedules"))!);
        Assert.Equal(420, night.DailyMinutes); // 22:00 to 05:00 the next day
    }

    [Fact]
    public async Task A_stored_treatment_cannot_be_updated_or_deleted_in_the_database()
    {
        var now = DateTimeOffset.Parse(Gateway.Now(), CultureInfo.InvariantCulture);
        await PunchAsync("6201", now.AddHours(-1));
        var employee = await EmployeeIdAsync("6201");
        await TreatAsync(employee, new TreatmentRequest("included", Iso(now.AddMinutes(-30)), null, "Esqueceu"));

        await using var connection = await OpenDatabaseAsync();
        foreach (var sql in new[] { $"UPDATE {TreatmentsTable} SET reason = 'outro'", $"DELETE FROM {TreatmentsTable}" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            var refused = await Assert.ThrowsAnyAsync<DbException>(() => command.ExecuteNonQueryAsync());
            Assert.Contains("immutable", refused.Message, StringComparison.Ordinal);
        }
    }

    private async Task<PunchReceipt> PunchAsync(string code, DateTimeOffset at)
    {
        using var response = await Gateway.PostPunchAsync(code, Iso(at));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PunchReceipt>())!;
    }

    private async Task<Guid> EmployeeIdAsync(string code)
    {
        var employees = (await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/establishments/{await Gateway.EstablishmentAsync()}/employees"))!;
        return employees.EnumerateArray().Single(e => e.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();
    }

    private async Task CreateScheduleAsync(Guid establishment, string code, params (string Entry, string Exit)[] pairs)
    {
        using var response = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/schedules",
            new ScheduleRequest(code, null, null, [.. pairs.Select(p => new SchedulePair(p.Entry, p.Exit))], ["mon", "tue", "wed", "thu", "fri"]));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<TreatmentView> TreatAsync(Guid employee, TreatmentRequest request)
    {
        using var response = await Gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TreatmentView>())!;
    }

    /// <summary>The query that reproduces an AFD production, from its Link to the signature.</summary>
    internal static string PinnedQuery(HttpResponseMessage afd)
    {
        var link = afd.Headers.GetValues("Link").Single();
        var uri = link[(link.IndexOf('<') + 1)..link.IndexOf('>')];
        return uri[(uri.IndexOf('?') + 1)..];
    }

    /// <summary>The AEJ's DH: seconds written as 00, offset without a colon.</summary>
    private static string Dh(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm':00'", CultureInfo.InvariantCulture) + at.ToString("zzz", CultureInfo.InvariantCulture).Replace(":", "", StringComparison.Ordinal);

    internal static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static async Task AssertFieldsAsync(HttpResponseMessage response, HttpStatusCode status, params string[] fields)
    {
        using (response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == status, body);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(body);
            var named = problem.RootElement.TryGetProperty("errors", out var errors)
                ? errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray()
                : [problem.RootElement.GetProperty("field").GetString()!];
            Assert.Equal(fields.Order(StringComparer.Ordinal), named);
        }
    }
}
