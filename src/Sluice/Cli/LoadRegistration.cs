using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sluice.Punches.Registry;

namespace Sluice.Cli;

/// <summary>
/// Punches are accepted only for registered employees, so <c>sluice load</c> first makes sure its own establishment
/// ("Sluice load test") and employees 1..N exist, through the API as HR would. Running it again finds them.
/// </summary>
internal static class LoadRegistration
{
    public const string LegalName = "Sluice load test";

    /// <returns>The establishment the load punches for.</returns>
    public static async Task<Guid> EnsureAsync(HttpClient client, int employees, CancellationToken cancellationToken)
    {
        var establishment = await FindAsync(client, cancellationToken) ?? await CreateAsync(client, cancellationToken);
        var csv = new StringBuilder("code,name,cpf,pin\n");
        for (var n = 1; n <= employees; n++)
        {
            // A base range of its own, so load employees never share a CPF with people registered otherwise.
            csv.Append(CultureInfo.InvariantCulture, $"{n},Load employee {n},{BrazilianDocuments.CpfFrom(900_000_000 + n)},{n}\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var imported = await client.PostAsync($"/api/establishments/{establishment}/employees/import", content, cancellationToken);
        await EnsureSuccessAsync(imported, "register the load's employees", cancellationToken);
        return establishment;
    }

    private static async Task<Guid?> FindAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync("/api/establishments", cancellationToken);
        await EnsureSuccessAsync(response, "list establishments", cancellationToken);
        using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return list.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("legalName").GetString() == LegalName)
            .Select(e => (Guid?)e.GetProperty("id").GetGuid())
            .FirstOrDefault();
    }

    private static async Task<Guid> CreateAsync(HttpClient client, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsJsonAsync("/api/establishments", new
        {
            documentType = "cnpj",
            document = "11222333000181",
            legalName = LegalName,
            inpiNumber = "BR512026000001-7",
            timeZone = "America/Sao_Paulo",
        }, cancellationToken);
        await EnsureSuccessAsync(response, "create the load's establishment", cancellationToken);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        return created.RootElement.GetProperty("id").GetGuid();
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
