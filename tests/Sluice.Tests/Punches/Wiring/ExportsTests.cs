using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sluice.Punches;
using Sluice.Punches.Afd;
using Sluice.Testing;
using Sluice.Tests.Punches.Timesheets;

namespace Sluice.Tests.Punches.Wiring;

/// <summary>The AFD, timesheets and receipts, read from the ledger the intake wrote.</summary>
public sealed class ExportsTests : LegacyGatewayTest
{

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Punches:MaxOfflineAge"] = "3650.00:00:00";
        settings["Punches:DeveloperDocument"] = "45723174000110";
    }

    private async Task<PunchReceipt> PunchAsync(string code, string at, string collector = "device", string? deviceId = null)
    {
        var response = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = code, punchedAt = at, offline = true, collector, deviceId });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<PunchReceipt>())!;
    }

    [Fact]
    public async Task The_AFD_streams_every_record_in_NSR_order_with_fixed_widths_and_the_regulation_file_name()
    {
        await Gateway.RegisterEmployeesAsync("1201", "1202");
        var receipts = new[] { await PunchAsync("1201", "2026-11-02T08:00:00-03:00"), await PunchAsync("1202", "2026-11-02T08:01:00-03:00") };
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var response = await Gateway.Client.GetAsync($"/api/establishments/{await Gateway.EstablishmentAsync()}/afd?from=2026-01-01&to={today}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal($"AFD{PunchRegistry.InpiDigits}{PunchRegistry.Cnpj}REP_P.txt", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var check = await AfdVerifier.CheckAsync(new MemoryStream(bytes), null, CancellationToken.None);
        Assert.True(check.IsValid, string.Join("; ", check.Problems));
        var text = Encoding.Latin1.GetString(bytes);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var lines = text[..^2].Split("\r\n");
        Assert.Equal([302, 331, 118, 118, 137, 137, 64, 100], lines.Select(l => l.Length));
        Assert.Equal(["1", "2", "5", "5", "7", "7"], lines[..6].Select(l => l[9..10]));
        Assert.Equal(["000000001", "000000002", "000000003", "000000004", "000000005"], lines[1..6].Select(l => l[..9]));
        Assert.Equal(receipts.Select(r => r.Hash), lines[4..6].Select(l => l[73..]));
        Assert.StartsWith("2026-11-02T08:00:00-0300", lines[4][10..], StringComparison.Ordinal);
        Assert.StartsWith("999999999" + "000000001" + "000000000" + "000000000" + "000000002" + "000000000" + "000000002", lines[6], StringComparison.Ordinal);
        Assert.StartsWith("ASSINATURA_DIGITAL_EM_ARQUIVO_P7S", lines[7], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timesheet_pairs_a_night_shift_flags_a_missing_punch_and_comes_as_CSV_on_request()
    {
        await Gateway.RegisterEmployeesAsync("1301");
        await PunchAsync("1301", "2026-11-02T22:00:00-03:00");
        await PunchAsync("1301", "2026-11-03T06:00:00-03:00");
        await PunchAsync("1301", "2026-11-03T22:05:00-03:00");
        var employee = (await Gateway.Client.GetFromJsonAsync<JsonElement[]>($"/api/establishments/{await Gateway.EstablishmentAsync()}/employees"))!
            .Single(e => e.GetProperty("code").GetString() == "1301").GetProperty("id").GetGuid();

        var timesheet = await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/employees/{employee}/timesheet?from=2026-11-02&to=2026-11-03");

        Assert.Equal(480, timesheet.GetProperty("workedMinutes").GetInt32());
        Assert.Equal(1, timesheet.GetProperty("daysWithMissingPunch").GetInt32());
        var days = timesheet.GetProperty("days").EnumerateArray().ToList();
        Assert.True(days[0].GetProperty("intervals")[0].GetProperty("crossesMidnight").GetBoolean());
        Assert.True(days[1].GetProperty("missingPunch").GetBoolean());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/employees/{employee}/timesheet?from=2026-11-02&to=2026-11-03");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await Gateway.Client.SendAsync(request);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("2026-11-02", await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_timesheet_keeps_a_night_shift_with_a_break_on_its_start_day_with_its_night_minutes_and_flags_a_same_minute_pair_in_JSON_and_CSV()
    {
        await Gateway.RegisterEmployeesAsync("1501");
        foreach (var at in new[] { "2026-11-02T22:00:00-03:00", "2026-11-03T02:00:00-03:00", "2026-11-03T02:30:00-03:00", "2026-11-03T06:00:00-03:00" })
        {
            await PunchAsync("1501", at);
        }

        await PunchAsync("1501", "2026-11-03T21:05:10-03:00", "browser");
        await PunchAsync("1501", "2026-11-03T21:05:40-03:00", "device", "CQZ7231160012");
        var employee = (await Gateway.Client.GetFromJsonAsync<JsonElement[]>($"/api/establishments/{await Gateway.EstablishmentAsync()}/employees"))!
            .Single(e => e.GetProperty("code").GetString() == "1501").GetProperty("id").GetGuid();
        var path = $"/api/employees/{employee}/timesheet?from=2026-11-02&to=2026-11-03";

        var timesheet = await Gateway.Client.GetFromJsonAsync<JsonElement>(path);

        var days = timesheet.GetProperty("days").EnumerateArray().ToList();
        Assert.Equal(2, days[0].GetProperty("intervals").GetArrayLength());
        Assert.Equal(450, days[0].GetProperty("workedMinutes").GetInt32());
        Assert.Equal(390, days[0].GetProperty("nightMinutes").GetInt32());
        Assert.Equal(446, days[0].GetProperty("nightMinutesCounted").GetInt32());
        var pair = Assert.Single(days[1].GetProperty("intervals").EnumerateArray());
        Assert.True(pair.GetProperty("suspicious").GetBoolean());
        Assert.Equal(1, timesheet.GetProperty("suspiciousPairs").GetInt32());

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await Gateway.Client.SendAsync(request);
        // Read back by Python's csv module, a reader written by others.
        var rows = await PythonCsv.ReadAsync(await csv.Content.ReadAsStringAsync());
        var (night, pairDay, total) = (rows[0], rows[1], rows[2]);
        Assert.Equal(("2026-11-02", "22:00-02:00+1 02:30+1-06:00+1", "450", "390", "446", ""),
            (night["date"], night["intervals"], night["worked_minutes"], night["night_minutes"], night["night_minutes_counted"], night["suspicious"]));
        Assert.Equal(("2026-11-03", "21:05-21:05", "0", "21:05-21:05"), (pairDay["date"], pairDay["intervals"], pairDay["night_minutes"], pairDay["suspicious"]));
        Assert.Equal(("total", "450", "390", "446", "1"),
            (total["date"], total["worked_minutes"], total["night_minutes"], total["night_minutes_counted"], total["suspicious"]));
    }

    [Fact]
    public async Task A_receipt_has_the_Art_79_fields_as_JSON_and_as_a_printable_page_and_the_last_48_hours_are_listed()
    {
        await Gateway.RegisterEmployeesAsync("1401");
        var receipt = (await (await Gateway.PostPunchAsync("1401")).Content.ReadFromJsonAsync<PunchReceipt>())!;

        var json = await Gateway.Client.GetFromJsonAsync<JsonElement>($"/api/punches/{receipt.Id}/receipt");
        Assert.Equal(receipt.Nsr, json.GetProperty("nsr").GetInt64());
        Assert.Equal(receipt.Hash, json.GetProperty("hash").GetString());
        Assert.Equal(PunchRegistry.Cnpj, json.GetProperty("employerDocument").GetString());
        Assert.Equal(PunchRegistry.CpfFor("1401"), json.GetProperty("workerCpf").GetString());
        Assert.Equal(PunchRegistry.InpiNumber, json.GetProperty("inpiNumber").GetString());
        Assert.Equal("Employee 1401", json.GetProperty("workerName").GetString());

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/punches/{receipt.Id}/receipt");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        using var page = await Gateway.Client.SendAsync(request);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Comprovante de Registro de Ponto do Trabalhador", html, StringComparison.Ordinal);
        Assert.Contains(receipt.Hash!, html, StringComparison.Ordinal);

        var recent = await Gateway.Client.GetFromJsonAsync<JsonElement[]>($"/api/employees/{receipt.EmployeeInternalId}/receipts?hours=48");
        Assert.Equal(receipt.Nsr, Assert.Single(recent!).GetProperty("nsr").GetInt64());
    }
}
