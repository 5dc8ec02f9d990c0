using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sluice.Punches.Registry;

namespace Sluice.Testing;

/// <summary>
/// Registers establishments and employees through the API, as HR would, so tests and benchmarks can punch for
/// them. Employees get a valid CPF derived from their code, so the same code always gets the same CPF.
/// </summary>
public static class PunchRegistry
{
    /// <summary>A CNPJ with valid check digits.</summary>
    public const string Cnpj = "11222333000181";

    /// <summary>An INPI computer program registration as typed (with its check digit); stored and written as its 13 digits.</summary>
    public const string InpiNumber = "BR512026000001-7";

    public const string InpiDigits = "5120260000017";

    public const string DefaultLegalName = "Sluice Test Ltda";

    /// <returns>The new establishment's id.</returns>
    /// <param name="document">Its CNPJ; by default <see cref="Cnpj"/> for the default name and one made from the name otherwise, since one document is one establishment.</param>
    public static async Task<Guid> CreateEstablishmentAsync(
        HttpClient client, string legalName = DefaultLegalName, string timeZone = "America/Sao_Paulo", string? document = null, string? place = null)
    {
        document ??= legalName == DefaultLegalName ? Cnpj : CnpjFor(legalName);
        using var response = await client.PostAsJsonAsync("/api/establishments",
            new { documentType = "cnpj", document, legalName, inpiNumber = InpiNumber, timeZone, place });
        await EnsureAsync(response, "create the establishment");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>
    /// The default establishment: created, or, when the journal already holds it (a gateway restarted on the same
    /// PostgreSQL database), the one the 409 names, as a client re-running its set-up would do.
    /// </summary>
    public static async Task<Guid> DefaultEstablishmentAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/establishments",
            new { documentType = "cnpj", document = Cnpj, legalName = DefaultLegalName, inpiNumber = InpiNumber, timeZone = "America/Sao_Paulo" });
        if (response.StatusCode != System.Net.HttpStatusCode.Conflict)
        {
            await EnsureAsync(response, "create the establishment");
        }

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty(response.StatusCode == System.Net.HttpStatusCode.Conflict ? "existingId" : "id").GetGuid();
    }

    /// <summary>Creates (or updates) employees with the given codes in one CSV import; each gets <see cref="CpfFor"/> and its code as device PIN.</summary>
    public static async Task ImportEmployeesAsync(HttpClient client, Guid establishmentId, IEnumerable<string> codes, string? webPin = null)
    {
        var csv = new StringBuilder(webPin is null ? "code,name,cpf,pin\n" : "code,name,cpf,pin,webPin\n");
        foreach (var code in codes)
        {
            csv.Append(code).Append(",Employee ").Append(code).Append(',').Append(CpfFor(code)).Append(',').Append(Pin(code));
            csv.Append(webPin is null ? "\n" : $",{webPin}\n");
        }

        using var content = new StringContent(csv.ToString(), Encoding.UTF8, "text/csv");
        using var response = await client.PostAsync($"/api/establishments/{establishmentId}/employees/import", content);
        await EnsureAsync(response, "import employees");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        if (body.RootElement.GetProperty("errors").GetArrayLength() > 0)
        {
            throw new InvalidOperationException($"Importing employees reported errors: {body.RootElement.GetProperty("errors")}");
        }
    }

    /// <summary>A valid CPF for an employee code: numeric codes map one to one, others by a stable hash.</summary>
    public static string CpfFor(string code)
    {
        var number = int.TryParse(code, out var n) && n is >= 0 and < 100_000_000
            ? 100_000_000 + n
            : 100_000_000 + (int)(Fnv(code) % 800_000_000UL);
        return BrazilianDocuments.CpfFrom(number);
    }

    /// <summary>A valid CNPJ for a name, stable across runs.</summary>
    public static string CnpjFor(string name) => BrazilianDocuments.CnpjFrom(100_000_000_000 + (long)(Fnv(name) % 800_000_000_000UL));

    /// <summary>The device PIN employees registered here get: their code's letters and digits.</summary>
    public static string Pin(string code) => new(code.Where(char.IsAsciiLetterOrDigit).ToArray());

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static async Task EnsureAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Could not {what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }
}
