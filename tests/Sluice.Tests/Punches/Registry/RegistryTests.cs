using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using Sluice.Punches;
using Sluice.Punches.Registry;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Registry;

public sealed class RegistryTests : LegacyGatewayTest
{
    [Fact]
    public async Task An_invalid_establishment_is_refused_naming_every_field()
    {
        var response = await Gateway.Client.PostAsJsonAsync("/api/establishments",
            new { documentType = "cnpj", document = "11222333000182", cnoCaepf = "12x", legalName = "", inpiNumber = new string('9', 18), timeZone = "Mars/Olympus" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<Problem>())!;
        Assert.Equal(["cnoCaepf", "document", "inpiNumber", "legalName", "timeZone"], problem.Errors.Keys.Order());
        Assert.Empty((await Gateway.Client.GetFromJsonAsync<EstablishmentView[]>("/api/establishments"))!);
    }

    [Fact]
    public async Task A_CSV_import_stores_the_good_rows_and_reports_each_bad_one()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var csv = """
            code;name;cpf;pin;webPin
            1001;Ana Souza;529.982.247-25;0042;secret-1
            1002;Bruno Lima;52998224724;43;
            1003;;11144477735;44;
            1004;Carla Dias;111.444.777-35;45;
            1005;Davi Reis;529.982.247-25;46;
            """;

        var response = await Gateway.Client.PostAsync($"/api/establishments/{establishment}/employees/import", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<EmployeeImportResult>())!;
        Assert.Equal(2, result.Created);
        Assert.Equal([(3, "cpf"), (4, "name"), (6, "cpf")], result.Errors.Select(e => (e.Row, e.Field)));
        var employees = (await Gateway.Client.GetFromJsonAsync<EmployeeView[]>($"/api/establishments/{establishment}/employees"))!;
        Assert.Equal(["1001", "1004"], employees.Select(e => e.Code));
        Assert.Equal("0042", employees[0].Pin);
        Assert.True(employees[0].HasWebPin);

        // The web PIN is kept only as a salted PBKDF2 hash.
        await using var connection = new SqliteConnection($"Data Source={Gateway.JournalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT web_pin_hash FROM punch_employees WHERE code = '1001'";
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.StartsWith("pbkdf2-sha256$", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-1", stored, StringComparison.Ordinal);

        // Employees can then punch by code, CPF or device PIN.
        foreach (var who in new object[] { new { employeeId = "1001" }, new { cpf = "111.444.777-35" }, new { pin = "0042" } })
        {
            var json = System.Text.Json.JsonSerializer.SerializeToNode(who)!.AsObject();
            json["punchedAt"] = Gateway.Now();
            Assert.Equal(HttpStatusCode.Accepted, (await Gateway.Client.PostAsJsonAsync("/api/punches", json)).StatusCode);
        }
    }

    [Fact]
    public async Task Adding_and_changing_employees_takes_NSRs_in_the_establishments_sequence()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var created = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees",
            new EmployeeRequest("7001", "Eva Nunes", "52998224725", null, null, null));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var employee = (await created.Content.ReadFromJsonAsync<EmployeeView>())!;

        var renamed = await Gateway.Client.PutAsJsonAsync($"/api/employees/{employee.Id}", new EmployeeRequest("7001", "Eva Nunes Prado", "52998224725", null, null, null));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var again = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees",
            new EmployeeRequest("7001", "Someone Else", "11144477735", null, null, null));
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);

        var response = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = "7001", punchedAt = Gateway.Now() });
        var punch = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!;
        Assert.Equal(4, punch.Nsr); // 1: the employer (type 2), 2: inclusion, 3: alteration (type 5), 4: the punch
    }

    [Fact]
    public async Task Punches_for_unknown_employees_or_out_of_window_times_are_refused_naming_the_field()
    {
        await Gateway.RegisterEmployeesAsync("8001");
        var now = DateTimeOffset.UtcNow;
        string At(TimeSpan offset) => now.Add(offset).ToOffset(TimeSpan.FromHours(-3)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

        async Task<string[]> FieldsAsync(object body)
        {
            var response = await Gateway.Client.PostAsJsonAsync("/api/punches", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return [.. (await response.Content.ReadFromJsonAsync<Problem>())!.Errors.Keys.Order()];
        }

        Assert.Equal(["employeeId"], await FieldsAsync(new { employeeId = "9999", punchedAt = At(TimeSpan.Zero) }));
        Assert.Equal(["punchedAt"], await FieldsAsync(new { employeeId = "8001", punchedAt = At(TimeSpan.FromHours(1)) }));
        Assert.Equal(["punchedAt"], await FieldsAsync(new { employeeId = "8001", punchedAt = At(TimeSpan.FromDays(-2)) }));
        Assert.Equal(["collector"], await FieldsAsync(new { employeeId = "8001", punchedAt = At(TimeSpan.Zero), collector = "fax" }));
        Assert.Equal(["cpf", "employeeId"], await FieldsAsync(new { employeeId = "8001", cpf = "52998224725", punchedAt = At(TimeSpan.Zero) }));

        // A punch kept offline by its collector may be days old.
        var offline = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = "8001", punchedAt = At(TimeSpan.FromDays(-2)), offline = true, collector = "device" });
        Assert.Equal(HttpStatusCode.Accepted, offline.StatusCode);
        Assert.Equal(1, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Fact]
    public async Task A_code_registered_in_two_establishments_needs_the_establishment_named()
    {
        await Gateway.RegisterEmployeesAsync("8201");
        var second = await PunchRegistry.CreateEstablishmentAsync(Gateway.Client, "Filial Norte Ltda");
        await PunchRegistry.ImportEmployeesAsync(Gateway.Client, second, ["8201"]);

        var ambiguous = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = "8201", punchedAt = Gateway.Now() });
        var named = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = "8201", establishmentId = second, punchedAt = Gateway.Now() });

        Assert.Equal(HttpStatusCode.BadRequest, ambiguous.StatusCode);
        Assert.Equal(["establishmentId"], (await ambiguous.Content.ReadFromJsonAsync<Problem>())!.Errors.Keys);
        Assert.Equal(HttpStatusCode.Accepted, named.StatusCode);
        var receipt = (await named.Content.ReadFromJsonAsync<PunchReceipt>())!;
        Assert.Equal(second, receipt.EstablishmentId);
        Assert.Equal(3, receipt.Nsr); // the second establishment's own sequence: the employer, the employee's inclusion, then this punch
    }

    [Fact]
    public async Task A_batch_answers_each_punch_and_stores_only_the_good_ones_in_order()
    {
        await Gateway.RegisterEmployeesAsync("8101", "8102");
        var at = Gateway.Now();
        var batch = new
        {
            punches = new object[]
            {
                new { employeeId = "8101", punchedAt = at, offline = true, clientPunchId = "dev-1" },
                new { employeeId = "nobody", punchedAt = at },
                new { employeeId = "8102", punchedAt = at, offline = true, clientPunchId = "dev-2" },
                new { employeeId = "8101", punchedAt = at, offline = true, clientPunchId = "dev-1" },
            },
        };

        var response = await Gateway.Client.PostAsJsonAsync("/api/punches/batch", batch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<PunchBatchResult>())!;
        Assert.Equal([202, 400, 202, 202], result.Items.Select(i => i.Status));
        Assert.Equal("employeeId", Assert.Single(result.Items[1].Problem!.Errors!).Key);
        Assert.True(result.Items[0].Receipt!.Nsr < result.Items[2].Receipt!.Nsr);
        Assert.Equal(result.Items[0].Receipt, result.Items[3].Receipt);
        Assert.Equal(2, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    private sealed record Problem(string Title, int Status, Dictionary<string, string[]> Errors);
}
