using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Sluice.Punches;
using Sluice.Testing;

namespace Sluice.Tests.Punches;

public sealed class PunchIntakeTests : LegacyGatewayTest
{
    [Fact]
    public async Task Accepted_punch_is_already_committed_to_the_journal_file()
    {
        var response = await Gateway.PostPunchAsync("1001");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var receipt = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!;
        Assert.Equal("stored", receipt.Status);
        Assert.Equal($"/api/punches/{receipt.Id}", response.Headers.Location?.OriginalString);

        // Read through a separate connection: what the 202 promised is on disk, not in a buffer.
        await using var connection = new SqliteConnection($"Data Source={Gateway.JournalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT payload FROM messages WHERE id = $id";
        command.Parameters.AddWithValue("$id", receipt.Id);
        var payload = Encoding.UTF8.GetString((byte[])(await command.ExecuteScalarAsync())!);
        Assert.Contains("\"employeeId\":\"1001\"", payload, StringComparison.Ordinal);

        // The NSR and hash assigned inside the commit are on the 202 and in the stored punch alike.
        var stored = JsonSerializer.Deserialize<PunchMessage>(payload, JsonSerializerOptions.Web)!;
        Assert.True(receipt.Nsr > 0);
        Assert.Equal((receipt.Nsr, receipt.Hash, receipt.Id), (stored.Nsr, stored.Hash, stored.Id));
    }

    [Fact]
    public async Task Stored_punch_reaches_the_legacy_system_with_its_id_as_idempotency_key()
    {
        var receipt = (await (await Gateway.PostPunchAsync("1002")).Content.ReadFromJsonAsync<PunchReceipt>())!;

        var view = await Eventually.UntilAsync(
            () => Gateway.Client.GetFromJsonAsync<PunchView>($"/api/punches/{receipt.Id}")!,
            v => v!.Status == "delivered", because: "the punch is delivered");

        // employeeId means the employee's code in the receipt, the punch's view and what the legacy system gets;
        // Sluice's own id for the employee has its own name.
        Assert.Equal("1002", receipt.EmployeeId);
        Assert.Equal("1002", view!.EmployeeId);
        using var employee = await Gateway.Client.GetAsync($"/api/employees/{receipt.EmployeeInternalId}");
        Assert.Equal(HttpStatusCode.OK, employee.StatusCode);
        var sent = Assert.Single(Legacy.System.Requests(0, 100));
        Assert.Equal(receipt.Id.ToString(), sent.IdempotencyKey);
        Assert.Equal("/punches", sent.Path);
        Assert.Contains("\"employeeId\":\"1002\"", sent.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalid_punch_gets_a_problem_listing_every_field_and_stores_nothing()
    {
        var response = await Gateway.Client.PostAsJsonAsync("/api/punches",
            new { employeeId = "", punchedAt = "2026-11-22T08:00:03", deviceId = new string('x', 65) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblem>())!;
        Assert.Equal(["deviceId", "employeeId", "punchedAt"], problem.Errors.Keys.Order());
        Assert.Equal(0, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Theory]
    [InlineData("{\"employeeId\":12,\"punchedAt\":\"2026-11-22T08:00:03-03:00\"}", "employeeId")]
    [InlineData("{\"employeeId\":\"1\",", "body")]
    [InlineData("[1,2,3]", "body")]
    public async Task Malformed_json_names_the_field_and_stores_nothing(string body, string field)
    {
        var response = await Gateway.Client.PostAsync("/api/punches", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<ValidationProblem>())!;
        Assert.Contains(field, problem.Errors.Keys);
        Assert.Equal(0, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Fact]
    public async Task Same_idempotency_key_and_body_returns_the_original_receipt()
    {
        var first = (await (await Gateway.PostPunchAsync("1003", idempotencyKey: "device-7-0001")).Content.ReadFromJsonAsync<PunchReceipt>())!;

        var repeat = await Gateway.PostPunchAsync("1003", idempotencyKey: "device-7-0001");

        Assert.Equal(HttpStatusCode.Accepted, repeat.StatusCode);
        Assert.Equal(first, await repeat.Content.ReadFromJsonAsync<PunchReceipt>());
        Assert.Equal(1, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Fact]
    public async Task Same_idempotency_key_with_another_body_is_refused_with_422()
    {
        await Gateway.PostPunchAsync("1004", idempotencyKey: "device-7-0002");

        var other = await Gateway.PostPunchAsync("1005", idempotencyKey: "device-7-0002");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Fact]
    public async Task Two_real_punches_without_keys_are_both_stored()
    {
        await Gateway.PostPunchAsync("1006");
        await Gateway.PostPunchAsync("1006");

        Assert.Equal(2, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }

    [Fact]
    public async Task Unknown_punch_is_404_problem()
    {
        var response = await Gateway.Client.GetAsync($"/api/punches/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private sealed record ValidationProblem(string Title, int Status, Dictionary<string, string[]> Errors);
}
