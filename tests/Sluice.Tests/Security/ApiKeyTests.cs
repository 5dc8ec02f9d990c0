using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Security;

public sealed class ApiKeyTests
{
    private const string Punch = """{"employeeId":"1001","punchedAt":"2026-11-22T08:00:03-03:00"}""";

    /// <summary>A punch for a registered employee at the gateway's clock (punches far in the past are refused).</summary>
    private static async Task<string> PunchAsync(TestGateway gateway, string employee = "1001")
    {
        await gateway.RegisterEmployeesAsync(employee);
        return $$"""{"employeeId":"{{employee}}","punchedAt":"{{gateway.Now()}}"}""";
    }

    [Fact]
    public async Task A_key_is_shown_once_stored_only_as_its_hash_and_refused_once_revoked()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        var punch = await PunchAsync(gateway);
        var establishment = (await gateway.EstablishmentAsync()).ToString();
        using var create = await gateway.Client.PostAsJsonAsync("/api/keys", new { name = "north gate", kind = "device", establishmentId = establishment });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = (await create.Content.ReadFromJsonAsync<CreatedApiKey>())!;
        Assert.StartsWith(ApiKeySecret.Prefix, created.Key);
        Assert.Equal(establishment, created.EstablishmentId);

        using var device = gateway.CreateClient(apiKey: created.Key);
        using (var accepted = await device.PostAsync("/api/punches", Json(punch)))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        // The list never carries a secret, and the database holds only the SHA-256 of it.
        var listed = await gateway.Client.GetStringAsync("/api/keys");
        Assert.Contains("north gate", listed);
        Assert.DoesNotContain(created.Key, listed);
        Assert.DoesNotContain("\"key\"", listed);
        var (hash, row) = await StoredKeyAsync(gateway.JournalPath, created.Id);
        Assert.Equal(SHA256.HashData(Encoding.UTF8.GetBytes(created.Key)), hash);
        Assert.DoesNotContain(created.Key, row);
        Assert.DoesNotContain(created.Key[ApiKeySecret.Prefix.Length..], row);

        using (var revoke = await gateway.Client.DeleteAsync($"/api/keys/{created.Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var refused = await device.PostAsync("/api/punches", Json(punch));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        using var again = await gateway.Client.DeleteAsync($"/api/keys/{created.Id}");
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Theory]
    [InlineData("sk_not-a-key-we-ever-made")]
    [InlineData("Bearer something")]
    [InlineData("")]
    public async Task Unknown_or_malformed_keys_are_401(string presented)
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        using var client = gateway.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/punches") { Content = Json(Punch) };
        request.Headers.TryAddWithoutValidation(ApiKeySecret.Header, presented);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task Key_requests_are_validated_field_by_field()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        using var response = await gateway.Client.PostAsJsonAsync("/api/keys", new { name = "", kind = "robot", establishmentId = new string('x', 101) });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"name\"", body);
        Assert.Contains("\"kind\"", body);
        Assert.Contains("\"establishmentId\"", body);
    }

    [Fact]
    public async Task A_key_scoped_to_an_establishment_cannot_punch_for_another_and_nothing_is_stored()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        var ours = await gateway.EstablishmentAsync();
        var theirs = await PunchRegistry.CreateEstablishmentAsync(gateway.Client, "Other Ltda");
        await PunchRegistry.ImportEmployeesAsync(gateway.Client, theirs, ["2002"]);
        using var device = gateway.CreateClient(apiKey: await gateway.CreateApiKeyAsync(establishmentId: ours.ToString()));
        var before = await JournalFile.CountMessagesAsync(gateway.JournalPath);

        var other = $$"""{"employeeId":"2002","establishmentId":"{{theirs}}","punchedAt":"{{gateway.Now()}}"}""";
        using var single = await device.PostAsync("/api/punches", Json(other));
        using var batch = await device.PostAsync("/api/punches/batch", Json($$"""{"punches":[{{other}}]}"""));
        using var unnamed = await device.PostAsync("/api/punches", Json($$"""{"employeeId":"2002","punchedAt":"{{gateway.Now()}}"}"""));

        Assert.Equal(HttpStatusCode.Forbidden, single.StatusCode);
        Assert.Equal("application/problem+json", single.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, batch.StatusCode);
        Assert.Contains("\"status\":403", await batch.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode); // looked up in the key's establishment, where 2002 is unknown
        Assert.Equal(before, await JournalFile.CountMessagesAsync(gateway.JournalPath));

        // Its own employees need no establishmentId: the key's scope picks the establishment.
        using var own = await device.PostAsync("/api/punches", Json(await PunchAsync(gateway)));
        Assert.Equal(HttpStatusCode.Accepted, own.StatusCode);
    }

    [Fact]
    public async Task An_app_key_scoped_to_an_establishment_keeps_only_its_employees()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        var ours = await gateway.EstablishmentAsync();
        var theirs = await PunchRegistry.CreateEstablishmentAsync(gateway.Client, "Other Ltda");
        using var hrSystem = gateway.CreateClient(apiKey: await gateway.CreateApiKeyAsync(ApiKeyKinds.App, ours.ToString()));

        await PunchRegistry.ImportEmployeesAsync(hrSystem, ours, ["3003"]);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => PunchRegistry.ImportEmployeesAsync(hrSystem, theirs, ["4004"]));

        Assert.Contains("403", refused.Message, StringComparison.Ordinal);
        Assert.Empty((await gateway.Client.GetFromJsonAsync<List<object>>($"/api/establishments/{theirs}/employees"))!);
        Assert.Single((await gateway.Client.GetFromJsonAsync<List<object>>($"/api/establishments/{ours}/employees"))!);
    }

    [Fact]
    public async Task A_key_can_only_be_scoped_to_a_registered_establishment()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        using var response = await gateway.Client.PostAsJsonAsync("/api/keys", new { name = "gate", kind = "device", establishmentId = Guid.NewGuid() });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"establishmentId\"", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain("gate", await gateway.Client.GetStringAsync("/api/keys"));
    }

    [Fact]
    public async Task Keys_live_in_the_PostgreSQL_journal_too()
    {
        var settings = TestGateway.Defaults(null);
        (await PostgresTestDatabase.CreateAsync("keys")).Configure(settings);
        string key;
        string punch;
        await using (var first = await TestGateway.StartAsync(settings))
        {
            key = await first.CreateApiKeyAsync(ApiKeyKinds.App);
            punch = await PunchAsync(first);
        }

        // A second node (here: a restart) on the same database accepts the key, and stops when it is revoked.
        await using var second = await TestGateway.StartAsync(settings);
        using var app = second.CreateClient(apiKey: key);
        using (var accepted = await app.PostAsync("/api/punches", Json(punch)))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var listed = await second.Client.GetFromJsonAsync<List<ApiKeyView>>("/api/keys");
        using (var revoke = await second.Client.DeleteAsync($"/api/keys/{Assert.Single(listed!).Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var refused = await app.PostAsync("/api/punches", Json(punch));
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    internal static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task<(byte[] Hash, string Row)> StoredKeyAsync(string journalPath, Guid id)
    {
        await using var connection = new SqliteConnection($"Data Source={journalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key_hash, id || name || kind || COALESCE(establishment_id, '') FROM api_keys WHERE id = $id";
        command.Parameters.AddWithValue("$id", id.ToString("D"));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return ((byte[])reader.GetValue(0), reader.GetString(1));
    }
}
