using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Punches.Ledger;
using Sluice.Punches.Treatment;
using Sluice.Security;
using Sluice.Testing;
using Sluice.Tests.Punches.Ledger;
using Sluice.Tests.Punches.Timesheets;

namespace Sluice.Tests.Punches.Espelho;

/// <summary>
/// The Espelho de Ponto over the API and the CLI: Art. 84's contents as JSON, CSV (read back by Python) and PDF (read
/// back by pdftotext), with the treatment program's markings in it and the legal record untouched.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit calls IAsyncLifetime.DisposeAsync, which disposes it; the rule does not know that interface.")]
public sealed class EspelhoTests : LegacyGatewayTest
{
    private const string Code = "7001";
    private readonly TempFolder _folder = new();

    private static string PdfToText => ExternalTool.Require("pdftotext", "poppler-utils");

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Punches:MaxOfflineAge"] = "3650.00:00:00";
        settings["Punches:DeveloperDocument"] = "45723174000110";
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task An_included_punch_shows_as_included_with_its_reason_and_a_disregarded_one_as_disregarded_in_JSON_CSV_and_PDF_while_the_ledger_and_AFD_stay_the_same()
    {
        var (employee, duplicate) = await EspelhoMonth.NovemberAsync(Gateway, Code);
        var establishment = await Gateway.EstablishmentAsync();
        using var afd = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/afd?from=2026-11-01&to=2026-11-30");
        var pinned = Treatment.TreatmentTests.PinnedQuery(afd);
        var afdBefore = await afd.Content.ReadAsByteArrayAsync();
        var ledgerBefore = await LedgerWalk.FieldsAsync(Gateway, establishment);

        await EspelhoMonth.TreatAsync(Gateway, employee, new TreatmentRequest("included", "2026-11-02T13:00:00-03:00", null, "Esqueceu de marcar a volta do almoço"));
        await EspelhoMonth.TreatAsync(Gateway, employee, new TreatmentRequest("disregarded", null, duplicate, "Marcação em duplicidade"));

        var espelho = await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/employees/{employee}/espelho?month=2026-11");
        Assert.Equal("Espelho de Ponto", espelho.GetProperty("title").GetString());
        Assert.Equal(("Sluice Test Ltda", PunchRegistry.Cnpj), (espelho.GetProperty("employer").GetProperty("name").GetString(), espelho.GetProperty("employer").GetProperty("document").GetString()));
        var worker = espelho.GetProperty("worker");
        Assert.Equal((PunchRegistry.CpfFor(Code), "2024-03-01", "Auxiliar administrativo"),
            (worker.GetProperty("cpf").GetString(), worker.GetProperty("admission").GetString(), worker.GetProperty("role").GetString()));
        Assert.Contains("08:00–12:00 13:00–17:00", espelho.GetProperty("schedule").GetString(), StringComparison.Ordinal);
        Assert.Equal(("2026-11-01", "2026-11-30"), (espelho.GetProperty("from").GetString(), espelho.GetProperty("to").GetString()));
        var days = espelho.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(30, days.Count);
        var monday = days[1];
        Assert.Equal(
            [("original", "", 12), ("original", "", 12), ("disregarded", "Marcação em duplicidade", 12), ("included", "Esqueceu de marcar a volta do almoço", 0), ("original", "", 12)],
            monday.GetProperty("markings").EnumerateArray().Select(m => (
                m.GetProperty("source").GetString(), m.GetProperty("reason").GetString() ?? "",
                m.GetProperty("nsr").ValueKind == JsonValueKind.Number ? 12 : 0)));
        Assert.Equal(480, monday.GetProperty("workedMinutes").GetInt32());
        var night = days[2];
        Assert.Equal((420, 420, 480, 480), (night.GetProperty("workedMinutes").GetInt32(), night.GetProperty("nightMinutes").GetInt32(),
            night.GetProperty("nightMinutesCounted").GetInt32(), night.GetProperty("durationMinutes").GetInt32()));
        var totals = espelho.GetProperty("totals");
        Assert.Equal((900, 960, 2, 1, 1), (totals.GetProperty("workedMinutes").GetInt32(), totals.GetProperty("durationMinutes").GetInt32(),
            totals.GetProperty("daysWorked").GetInt32(), totals.GetProperty("includedMarkings").GetInt32(), totals.GetProperty("disregardedMarkings").GetInt32()));

        using var csv = await GetAsync($"/api/employees/{employee}/espelho?month=2026-11", "text/csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var rows = await PythonCsv.ReadAsync(await csv.Content.ReadAsStringAsync());
        Assert.Equal(31, rows.Count);
        var row = rows.Single(r => r["date"] == "2026-11-02");
        Assert.Equal(("08:00 12:00 13:00(I) 17:00", "480", "8:00", "no"), (row["markings"], row["worked_minutes"], row["worked"], row["missing_punch"]));
        Assert.Equal("12:01 desconsiderada: Marcação em duplicidade; 13:00 incluída: Esqueceu de marcar a volta do almoço", row["treated"]);
        Assert.Equal(("22:00 05:00+1", "420", "480", "8:00"),
            (rows[2]["markings"], rows[2]["night_minutes"], rows[2]["night_minutes_counted"], rows[2]["duration"]));
        Assert.Equal(("total", "900", "960", PunchRegistry.CpfFor(Code)), (rows[^1]["date"], rows[^1]["worked_minutes"], rows[^1]["duration_minutes"], rows[^1]["employee_cpf"]));

        using var pdf = await GetAsync($"/api/employees/{employee}/espelho?month=2026-11", "application/pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"espelho-{Code}-2026-11-01-2026-11-30.pdf", pdf.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var file = _folder.File("espelho.pdf");
        await File.WriteAllBytesAsync(file, await pdf.Content.ReadAsByteArrayAsync());
        var text = Squeeze((await ExternalTool.RunAsync(PdfToText, "-raw", file, "-")).Output);
        foreach (var expected in new[]
        {
            "Espelho de Ponto", "Sluice Test Ltda", "CNPJ 11.222.333/0001-81", Sluice.Punches.Pages.DocumentFormat.Punctuate(PunchRegistry.CpfFor(Code)),
            "01/03/2024", "Auxiliar administrativo", "08:00–12:00 13:00–17:00", "01/11/2026 a 30/11/2026", "02/11/2026 seg",
            "08:00 12:00 13:00(I) 17:00", "Marcação em duplicidade", "Esqueceu de marcar a volta do almoço", "22:00 05:00+1", "7:00 / 8:00",
            "Totais", "15:00", "16:00", "Assinatura do trabalhador",
        })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        // The legal record is untouched: the same ledger rows, the same AFD for the same production, a valid chain.
        Assert.Equal(ledgerBefore, await LedgerWalk.FieldsAsync(Gateway, establishment));
        using var again = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/afd?{pinned}");
        Assert.Equal(afdBefore, await again.Content.ReadAsByteArrayAsync());
        var verification = (await Gateway.Client.GetFromJsonAsync<ChainVerification>($"/api/establishments/{establishment}/verify"))!;
        Assert.True(verification.Valid, verification.Problem);
    }

    [Fact]
    public async Task A_bad_period_gets_problem_details_naming_the_field_an_unknown_employee_404_and_no_credential_401()
    {
        var (employee, _) = await EspelhoMonth.NovemberAsync(Gateway, Code);

        foreach (var (query, field) in new[] { ("month=2026-13", "month"), ("month=2026-11&from=2026-11-01", "month"), ("from=2026-11-30&to=2026-11-01", "to"), ("from=11/2026", "from") })
        {
            using var refused = await Gateway.Client.GetAsync($"/api/employees/{employee}/espelho?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            var errors = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{query}: {errors}");
        }

        using var unknown = await Gateway.Client.GetAsync($"/api/employees/{Guid.NewGuid()}/espelho?month=2026-11");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using var anonymous = await Gateway.AnonymousClient.GetAsync($"/api/employees/{employee}/espelho?month=2026-11");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Sluice_espelho_writes_the_JSON_CSV_and_PDF_of_a_month_into_a_folder()
    {
        var (employee, _) = await EspelhoMonth.NovemberAsync(Gateway, Code);
        var output = _folder.File("out");

        var (exit, printed) = await SluiceCli.RunAsync(
            "espelho", "--employee", employee.ToString(), "--month", "2026-11", "--out", output,
            "--server", Gateway.BaseAddress.ToString(), "--token", TestCredentials.Token(SluiceRoles.Auditor));

        Assert.True(exit == 0, printed);
        var name = Path.Combine(output, $"espelho-{Code}-2026-11-01-2026-11-30");
        Assert.Equal([name + ".csv", name + ".json", name + ".pdf"], Directory.GetFiles(output).Order(StringComparer.Ordinal));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(name + ".json"));
        // No treatment here: 08:00–12:00, 12:01–17:00 and the night.
        Assert.Equal(240 + 299 + 420, json.RootElement.GetProperty("totals").GetProperty("workedMinutes").GetInt32());
        Assert.StartsWith("employer_document,", await File.ReadAllTextAsync(name + ".csv"), StringComparison.Ordinal);
        Assert.Contains("Espelho de Ponto", (await ExternalTool.RunAsync(PdfToText, name + ".pdf", "-")).Output, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await Gateway.Client.SendAsync(request);
    }

    /// <summary>
    /// pdftotext's text in drawing order with every run of spaces and line breaks made one space, so a phrase wrapped
    /// inside a table cell reads whole.
    /// </summary>
    private static string Squeeze(string text) => string.Join(' ', text.Split([' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries));
}
