using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sluice.Punches.Registry;

namespace Sluice.Cli;

/// <summary>
/// Punches are accepted only for registered employees, so <c>sluice load</c> first makes sure its own establishment
/// ("Sluice load test", a CNPJ of its own) and employees load-1..load-N exist, through the API as HR would. Running it
/// again finds them. Its codes are not the Quick start's 1, 2, 3, so a punch naming only the code stays unambiguous.
/// </summary>
internal static class LoadRegistration
{
    public const string LegalName = "Sluice load test";

    /// <summary>Not the Quick start's (bench/register.sh) CNPJ: a gateway that refuses a second establishment with
    /// one document must not hand the load the Quick start's establishment.</summary>
    public const string Document = "11222333000262";

    public const string CodePrefix = "load-";

    private const int ImportChunk = 1000;

    /// <returns>The establishment the load punches for.</returns>
    public static async Task<Guid> EnsureAsync(HttpClient client, int employees, CancellationToken cancellationToken)
    {
        var establishment = await FindAsync(client, cancellationToken) ?? await CreateAsync(client, cancellationToken);
        // One import takes at most Punches:MaxImportRows rows (1,000 by default): the employees go in that many at a time.
        for (var first = 1; first <= employees; first += ImportChunk)
        {
            var csv = new StringBuilder("code,name,cpf,pin\n");
            for (var n = first; n <= Math.Min(employees, first + ImportChunk - 1); n++)
            {
                // A base range of its own, so load employees never share a CPF with people registered otherwise.
                csv.Append(CultureInfo.InvariantCulture, $"{CodePrefix}{n},Load employee {n},{BrazilianDocuments.CpfFrom(900_000_000 + n)},{n}\n");
            }

            using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
            using var imported = await client.PostAsync($"/api/establishments/{establishment}/employees/import", content, cancellationToken);
            await EnsureSuccessAsync(imported, "register the load's employees", cancellationToken);
        }

        return establishment;
    }

    private static async Task<Guid?> FindAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync("/api/establishments", cancellationToken);
        await EnsureSuccessAsync(response, "list establishments", cancellationToken);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return list.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("document").GetString() == Document)
            .Select(e => (Guid?)e.GetProperty("id").GetGuid())
            .FirstOrDefault();
    }

    private static async Task<Guid> CreateAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/establishments", new
        {
            documentType = "cnpj",
            document = Document,
            legalName = LegalName,
            inpiNumber = "BR512026000001-7",
            timeZone = "America/Sao_Paulo",
        }, cancellationToken);

        // 409: it exists already (made by another run a moment ago): the answer names it, in its body or Location.
        if (response.StatusCode == HttpStatusCode.Conflict && await ExistingAsync(response, cancellationToken) is { } existing)
        {
            return existing;
        }

        await EnsureSuccessAsync(response, "create the load's establishment", cancellationToken);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return created.RootElement.GetProperty("id").GetGuid();
    }

    private static async Task<Guid?> ExistingAsync(HttpResponseMessage conflict, CancellationToken cancellationToken)
    {
        try
        {
            using var body = JsonDocument.Parse(await conflict.Content.ReadAsStringAsync(cancellationToken));
            if (body.RootElement.ValueKind == JsonValueKind.Object && body.RootElement.TryGetProperty("id", out var id) && id.TryGetGuid(out var fromBody))
            {
                return fromBody;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the Location header may still name it.
        }

        var location = conflict.Headers.Location?.OriginalString;
        return location is not null && Guid.TryParse(location.TrimEnd('/').Split('/')[^1], out var fromLocation) ? fromLocation : null;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new LoadSetupException($"could not {what}: {(int)response.StatusCode} {body}");
        }
    }
}

/// <summary>The gateway refused the load's registration (e.g. the token lacks the rights): reported, exit code 1.</summary>
internal sealed class LoadSetupException(string message) : Exception(message);
