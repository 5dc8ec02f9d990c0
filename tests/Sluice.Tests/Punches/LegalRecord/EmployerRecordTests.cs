using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Punches.Registry;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Punches.LegalRecord;

/// <summary>The employer (type 2) and employee (type 5) records, who answers for them, and what they mean for receipts.</summary>
public sealed class EmployerRecordTests : LegacyGatewayTest
{
    protected override void Configure(IDictionary<string, string?> settings) => settings["Punches:DeveloperDocument"] = "45723174000110";

    [Fact]
    public async Task A_rename_is_a_type_2_record_and_a_receipt_given_before_it_keeps_the_old_name()
    {
        var establishment = await PunchRegistry.CreateEstablishmentAsync(Gateway.Client, "Padaria São João Ltda", place: "Rua das Flores, 10");
        await PunchRegistry.ImportEmployeesAsync(Gateway.Client, establishment, ["4201"]);
        var before = await PunchAsync("4201");

        var renamed = await Gateway.Client.PutAsJsonAsync($"/api/establishments/{establishment}", new EstablishmentRequest(
            "cnpj", PunchRegistry.CnpjFor("Padaria São João Ltda"), null, "Panificadora Conceição Ltda", PunchRegistry.InpiNumber, "America/Sao_Paulo")
        {
            Place = "Av. Paulista, 1000",
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var after = await PunchAsync("4201");

        var old = await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/punches/{before.Id}/receipt");
        var current = await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/punches/{after.Id}/receipt");
        Assert.Equal("Padaria São João Ltda", old.GetProperty("employerName").GetString());
        Assert.Equal("Rua das Flores, 10", old.GetProperty("place").GetString());
        Assert.Equal("Panificadora Conceição Ltda", current.GetProperty("employerName").GetString());
        Assert.Equal("Av. Paulista, 1000", current.GetProperty("place").GetString());
        using var page = new HttpRequestMessage(HttpMethod.Get, $"/api/punches/{before.Id}/receipt") { Headers = { { "Accept", "text/html" } } };
        var html = await (await Gateway.Client.SendAsync(page)).Content.ReadAsStringAsync();
        Assert.Contains("Padaria São João Ltda", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Panificadora", html, StringComparison.Ordinal);

        var lines = await AfdLines.ReadAsync(Gateway.Client, establishment);
        var employers = AfdLines.OfType(lines, '2');
        Assert.Equal(2, employers.Length);
        Assert.All(employers, l => Assert.Equal(331, l.Length));
        Assert.Equal("Padaria São João Ltda", employers[0][77..227].TrimEnd());
        Assert.Equal("Rua das Flores, 10", employers[0][227..327].TrimEnd());
        Assert.Equal("Panificadora Conceição Ltda", employers[1][77..227].TrimEnd());
        Assert.Equal(TestCredentials.PersonCpf.PadLeft(14, '0'), employers[1][34..48]); // CPF do responsável
        Assert.Equal(["1", "2", "5", "7", "2", "7"], lines[..6].Select(l => l[9..10])); // one NSR sequence, every type
        Assert.Equal("Panificadora Conceição Ltda", lines[0][39..189].TrimEnd()); // the header: the employer in force at the end
        Assert.Equal(PunchRegistry.InpiDigits.PadLeft(17, '0'), lines[0][189..206]);
    }

    [Fact]
    public async Task An_employee_record_names_the_responsible_person_and_a_change_by_someone_without_a_CPF_stores_nothing()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var noCpf = TestCredentials.Client(Gateway.BaseAddress, new("Bearer", TestCredentials.TokenWithoutCpf(SluiceRoles.Admin)));
        var keyCpf = BrazilianDocuments.CpfFrom(111_444_777);
        var hrSystem = await CreateKeyAsync(establishment, keyCpf);
        var anonymousHrSystem = await CreateKeyAsync(establishment, null);

        var refused = await noCpf.PostAsJsonAsync($"/api/establishments/{establishment}/employees", new EmployeeRequest("4301", "Ana", "11144477735", null, null, null));
        var refusedKey = await TestCredentials.Client(Gateway.BaseAddress, apiKey: anonymousHrSystem)
            .PostAsJsonAsync($"/api/establishments/{establishment}/employees", new EmployeeRequest("4302", "Bia", "52998224725", null, null, null));
        var refusedRename = await noCpf.PutAsJsonAsync($"/api/establishments/{establishment}", new EstablishmentRequest(
            "cnpj", PunchRegistry.Cnpj, null, "Outro Nome Ltda", PunchRegistry.InpiNumber, "America/Sao_Paulo"));
        var byPerson = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees", new EmployeeRequest("4303", "Caio", "11144477735", null, null, null));
        var byKey = await TestCredentials.Client(Gateway.BaseAddress, apiKey: hrSystem)
            .PostAsJsonAsync($"/api/establishments/{establishment}/employees", new EmployeeRequest("4304", "Davi", "52998224725", null, null, null));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedKey.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, refusedRename.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("responsibleCpf", problem.GetProperty("field").GetString());
        Assert.Contains("'cpf' claim", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, byPerson.StatusCode);
        Assert.Equal(HttpStatusCode.Created, byKey.StatusCode);
        var employees = await Gateway.Client.GetFromJsonAsync<EmployeeView[]>($"/api/establishments/{establishment}/employees");
        Assert.Equal(["4303", "4304"], employees!.Select(e => e.Code));
        var lines = await AfdLines.ReadAsync(Gateway.Client, establishment);
        Assert.Equal(["1", "2", "5", "5"], lines[..4].Select(l => l[9..10])); // nothing of the refusals took an NSR
        Assert.Equal(PunchRegistry.DefaultLegalName, AfdLines.OfType(lines, '2').Single()[77..227].TrimEnd());
        var people = AfdLines.OfType(lines, '5');
        Assert.Equal([TestCredentials.PersonCpf, keyCpf], people.Select(l => l[103..114])); // field 8, CPF do responsável
    }

    [Fact]
    public async Task A_second_establishment_with_the_same_document_is_refused_with_409_naming_the_first()
    {
        var first = await Gateway.EstablishmentAsync();
        var other = await PunchRegistry.CreateEstablishmentAsync(Gateway.Client, "Filial Sul Ltda");

        var again = await Gateway.Client.PostAsJsonAsync("/api/establishments", new EstablishmentRequest(
            "cnpj", "11.222.333/0001-81", null, "Outra Razão Ltda", PunchRegistry.InpiNumber, "America/Sao_Paulo"));
        var moved = await Gateway.Client.PutAsJsonAsync($"/api/establishments/{other}", new EstablishmentRequest(
            "cnpj", PunchRegistry.Cnpj, null, "Filial Sul Ltda", PunchRegistry.InpiNumber, "America/Sao_Paulo"));

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(first, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingId").GetGuid());
        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        Assert.Equal(first, (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingId").GetGuid());
        Assert.Equal(2, (await Gateway.Client.GetFromJsonAsync<EstablishmentView[]>("/api/establishments"))!.Length);
    }

    [Fact]
    public async Task An_INPI_number_without_its_check_digit_or_kind_is_refused_and_a_good_one_is_stored_as_digits()
    {
        var results = new Dictionary<string, HttpStatusCode>();
        foreach (var inpi in new[] { "BR512026000001", "BR512026000001-3", "BR102026000001-7", "XX512026000001-7", "BR 51 2026 000001-7" })
        {
            var response = await Gateway.Client.PostAsJsonAsync("/api/establishments", new EstablishmentRequest(
                "cnpj", PunchRegistry.CnpjFor(inpi), null, "Empresa " + inpi, inpi, "America/Sao_Paulo"));
            results[inpi] = response.StatusCode;
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                Assert.Contains("inpiNumber", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
            }
            else
            {
                Assert.Equal(PunchRegistry.InpiDigits, (await response.Content.ReadFromJsonAsync<EstablishmentView>())!.InpiNumber);
            }
        }

        Assert.Equal(
            [HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.Created],
            results.Values);
    }

    private async Task<PunchReceipt> PunchAsync(string code)
    {
        var response = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = code, punchedAt = Gateway.Now() });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PunchReceipt>())!;
    }

    private async Task<string> CreateKeyAsync(Guid establishment, string? responsibleCpf)
    {
        using var response = await Gateway.Client.PostAsJsonAsync("/api/keys",
            new CreateApiKeyRequest("HR system", ApiKeyKinds.App, establishment.ToString(), responsibleCpf));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!.Key;
    }
}
