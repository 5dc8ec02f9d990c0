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

    [Fact]
    public async Task A_key_is_shown_once_stored_only_as_its_hash_and_refused_once_revoked()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        using var create = await gateway.Client.PostAsJsonAsync("/api/keys", new { name = "north gate", kind = "device", establishmentId = "store-12" });
        Assert.Equal(HttpStatusCode.Created, create.StatusCode);
        var created = (await create.Content.ReadFromJsonAsync<CreatedApiKey>())!;
        Assert.StartsWith(ApiKeySecret.Prefix, created.Key);
        Assert.Equal("store-12", created.EstablishmentId);

        using var device = gateway.CreateClient(apiKey: created.Key);
        using (var accepted = await device.PostAsync("/api/punches", Json(Punch)))
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

        using var refused = await device.PostAsync("/api/punches", Json(Punch));
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
    public async Task Keys_live_in_the_PostgreSQL_journal_too()
    {
        var database = await (await PostgresServer.GetAsync()).CreateDatabaseAsync("keys");
        var settings = TestGateway.Defaults(null);
        settings["Journal:Engine"] = "postgres";
        settings["ConnectionStrings:Journal"] = database;
        string key;
        await using (var first = await TestGateway.StartAsync(settings))
        {
            key = await first.CreateApiKeyAsync(ApiKeyKinds.App);
        }

        // A second node (here: a restart) on the same database accepts the key, and stops when it is revoked.
        await using var second = await TestGateway.StartAsync(settings);
        using var app = second.CreateClient(apiKey: key);
        using (var accepted = await app.PostAsync("/api/punches", Json(Punch)))
        {
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        }

        var listed = await second.Client.GetFromJsonAsync<List<ApiKeyView>>("/api/keys");
        using (var revoke = await second.Client.DeleteAsync($"/api/keys/{Assert.Single(listed!).Id}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }

        using var refused = await app.PostAsync("/api/punches", Json(Punch));
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
