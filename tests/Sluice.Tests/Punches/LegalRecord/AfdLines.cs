using System.Net;
using System.Text;
using Sluice.Punches.Afd;
using Sluice.Testing;

namespace Sluice.Tests.Punches.LegalRecord;

/// <summary>Downloads an establishment's AFD, checks it with the verifier, and hands back its body lines by type.</summary>
internal static class AfdLines
{
    public static async Task<string[]> ReadAsync(HttpClient client, Guid establishment)
    {
        var today = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        using var response = await client.GetAsync($"/api/establishments/{establishment}/afd?from=2026-01-01&to={today}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var check = await AfdVerifier.CheckAsync(new MemoryStream(bytes), null, CancellationToken.None);
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        return Encoding.Latin1.GetString(bytes)[..^2].Split("\r\n");
    }

    /// <summary>The body lines (NSR order) of one record type.</summary>
    public static string[] OfType(string[] lines, char type) => [.. lines[1..^2].Where(l => l[9] == type)];

    /// <summary>Type 6 event codes in NSR order.</summary>
    public static string[] Events(string[] lines) => [.. OfType(lines, '6').Select(l => l[34..36])];

    public static Dictionary<string, string?> Settings(Uri? legacy)
    {
        var settings = TestGateway.Defaults(legacy);
        settings["Punches:DeveloperDocument"] = "45723174000110";
        return settings;
    }
}
