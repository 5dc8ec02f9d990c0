using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sluice.Punches;
using Sluice.Punches.Treatment;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Aej;

/// <summary>
/// A month of 50 employees on two schedules, through the API, and the AEJ checked against the Ministry's layout
/// ("Leiaute do Arquivo Eletrônico de Jornada – AEJ", gov.br), whose rules are restated in each check: ISO-8859-1, CR LF,
/// '|' between fields (none after the last), records 01, 02, 03, 04, 05, 08, 99 in that order, and the trailer's counts.
/// </summary>
public sealed partial class AejLayoutTests : IAsyncLifetime
{
    private static readonly string[] MarkingTypes = ["E", "S", "D"]; // tpMarc
    private static readonly string[] MarkingSources = ["O", "I", "P", "X", "T"]; // fonteMarc
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");
    private TestGateway _gateway = null!;

    public async Task InitializeAsync() => _gateway = await TestGateway.StartAsync(Settings());

    public async Task DisposeAsync() => await _gateway.DisposeAsync();

    internal static Dictionary<string, string?> Settings()
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:DeveloperDocument"] = "45723174000110";
        settings["Punches:DeveloperName"] = "Sluice Desenvolvimento Ltda";
        settings["Punches:DeveloperEmail"] = "ponto@sluice.example";
        return settings;
    }

    [Fact]
    public async Task A_month_of_50_employees_on_two_schedules_follows_the_layout_field_by_field()
    {
        var establishment = await _gateway.EstablishmentAsync();
        var codes = Enumerable.Range(7001, 50).Select(n => n.ToString(CultureInfo.InvariantCulture)).ToList();
        await PunchRegistry.ImportEmployeesAsync(_gateway.Client, establishment, codes[..49]);
        (await _gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees",
            new { code = "7050", name = "João da Conceição", cpf = PunchRegistry.CpfFor("7050") })).EnsureSuccessStatusCode();
        await ScheduleAsync(establishment, "COM8", ["mon", "tue", "wed", "thu", "fri"], ("08:00", "12:00"), ("13:00", "17:00"));
        await ScheduleAsync(establishment, "T6", ["mon", "tue", "wed", "thu", "fri", "sat"], ("06:00", "12:00"));
        var ids = await EmployeeIdsAsync(establishment);
        foreach (var code in codes)
        {
            (await _gateway.Client.PutAsJsonAsync($"/api/employees/{ids[code]}/contract",
                new ContractRequest("2020-01-15", "Operador", Odd(code) ? "COM8" : "T6"))).EnsureSuccessStatusCode();
        }

        // The last 30 days, sent as a device sends what it kept offline (Art. 78 allows 31 days).
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SaoPaulo).DateTime);
        var (first, last) = (today.AddDays(-30), today.AddDays(-1));
        var firstWorkday = Enumerable.Range(0, 30).Select(first.AddDays).First(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));
        var punches = new List<PunchRequest>();
        for (var day = first; day <= last; day = day.AddDays(1))
        {
            foreach (var code in codes)
            {
                string[] times = Odd(code)
                    ? day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? [] : ["08:00", "12:00", "13:00", "17:00"]
                    : day.DayOfWeek is DayOfWeek.Sunday ? [] : ["06:00", "12:00"];
                if (day == firstWorkday && code == "7001")
                {
                    times = times[..3]; // forgot to punch out: included below
                }
                else if (day == firstWorkday && code == "7003")
                {
                    times = [times[0], times[3]]; // the break is pre-assigned below
                }
                else if (day == firstWorkday && code == "7002")
                {
                    times = [.. times, "06:01"]; // a second punch a minute later: disregarded below
                }

                punches.AddRange(times.Select(t => new PunchRequest(code, Local(day, t), "TEST-1") { Collector = "device", Offline = true }));
            }
        }

        var receipts = new List<PunchReceipt>();
        foreach (var batch in punches.Chunk(250))
        {
            using var response = await _gateway.Client.PostAsJsonAsync("/api/punches/batch", new PunchBatchRequest(batch));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            var result = (await response.Content.ReadFromJsonAsync<PunchBatchResult>())!;
            Assert.True(result.Refused == 0, JsonSerializer.Serialize(result.Items.Where(i => i.Problem is not null).Take(3)));
            receipts.AddRange(result.Items.Select(i => i.Receipt!));
        }

        var duplicate = receipts.Single(r => r.EmployeeId == "7002" && r.PunchedAt == DateTimeOffset.Parse(Local(firstWorkday, "06:01"), CultureInfo.InvariantCulture));
        await TreatAsync(ids["7001"], new TreatmentRequest("included", Local(firstWorkday, "17:00"), null, "Esqueceu de marcar a saída"));
        await TreatAsync(ids["7003"], new TreatmentRequest("preassigned", Local(firstWorkday, "12:00"), null, "Intervalo pré-assinalado"));
        await TreatAsync(ids["7003"], new TreatmentRequest("preassigned", Local(firstWorkday, "13:00"), null, "Intervalo pré-assinalado"));
        await TreatAsync(ids["7002"], new TreatmentRequest("disregarded", null, duplicate.Nsr, "Marcação em duplicidade"));

        using var download = await _gateway.Client.GetAsync($"/api/establishments/{establishment}/aej?from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}");
        var bytes = await download.Content.ReadAsByteArrayAsync();
        Assert.True(download.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        Assert.Equal("iso-8859-1", download.Content.Headers.ContentType?.CharSet);

        // "codificado em ISO 8859-1": João's "ã" is the one byte E3; "cada linha ... terminando com os caracteres 13 e 10"; no blank line.
        var text = Encoding.Latin1.GetString(bytes);
        Assert.Contains("Jo\u00e3o da Concei\u00e7\u00e3o", text, StringComparison.Ordinal);
        Assert.True(bytes.AsSpan().IndexOf("Jo\u00e3o"u8) < 0 && bytes.AsSpan().IndexOf(Encoding.Latin1.GetBytes("Jo\u00e3o")) >= 0);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(BareLineFeed(), text);
        var lines = text[..^2].Split("\r\n");
        Assert.DoesNotContain("", lines);

        // Order: 01, 02..., 03..., 04..., 05..., (06, 07 none here), 08, 99, then the signature line.
        var types = lines[..^1].Select(l => l[..2]).ToList();
        Assert.Equal(types.Order(StringComparer.Ordinal), types);
        Assert.Equal(("01", "08", "99"), (types[0], types[^2], types[^1]));
        Assert.Equal("ASSINATURA_DIGITAL_EM_ARQUIVO_P7S".PadRight(100), lines[^1]);

        var records = lines[..^1].Select(l => l.Split('|')).ToList();
        var header = records[0];
        Assert.Equal(10, header.Length);
        Assert.Equal(["01", "1", PunchRegistry.Cnpj, "", "", PunchRegistry.DefaultLegalName, $"{first:yyyy-MM-dd}", $"{last:yyyy-MM-dd}"], header[..8]);
        Assert.Matches(DateTimeField(), header[8]);
        Assert.Equal("001", header[9]);

        var reps = records.Where(r => r[0] == "02").ToList();
        var rep = Assert.Single(reps);
        Assert.Equal(["02", "1", "3", PunchRegistry.InpiDigits.PadLeft(17, '0')], rep); // nrRep: 17 N, the INPI registration for a REP-P

        var links = records.Where(r => r[0] == "03").ToList();
        Assert.Equal(50, links.Count);
        Assert.All(links, l => Assert.Equal(4, l.Length));
        Assert.Equal(Enumerable.Range(1, 50).Select(n => n.ToString(CultureInfo.InvariantCulture)), links.Select(l => l[1])); // idtVinculoAej 1 a 9 N
        Assert.Equal(codes.Select(PunchRegistry.CpfFor), links.Select(l => l[2])); // cpf 11 N
        Assert.All(links, l => Assert.InRange(l[3].Length, 1, 150)); // nomeEmp 1 a 150 A
        var linkOf = codes.Select((code, i) => (code, id: (i + 1).ToString(CultureInfo.InvariantCulture))).ToDictionary(x => x.code, x => x.id);

        var schedules = records.Where(r => r[0] == "04").ToList();
        Assert.Equal([["04", "COM8", "480", "0800", "1200", "1300", "1700"], ["04", "T6", "360", "0600", "1200"]], schedules);

        var markings = records.Where(r => r[0] == "05").ToList();
        Assert.Equal(punches.Count + 3, markings.Count); // every punch, the disregarded one as D, plus one included and two pre-assigned
        foreach (var m in markings)
        {
            Assert.Equal(9, m.Length);
            Assert.Contains(m[1], linkOf.Values); // refers to a type 03
            Assert.Matches(DateTimeField(), m[2]); // dataHoraMarc DH
            Assert.Contains(m[4], MarkingTypes);
            Assert.Matches(SequenceField(), m[5]); // seqEntSaida 3 N
            Assert.Contains(m[6], MarkingSources);
            Assert.Equal(m[6] == "O" ? "1" : "", m[3]); // idRepAej: the REP of type 02 for an original marking
            Assert.Equal(m[4] == "E" && m[5] == "001", m[7].Length > 0); // codHorContratual on a journey's first entry
            if (m[7].Length > 0)
            {
                Assert.Contains(m[7], schedules.Select(s => s[1]));
            }

            Assert.Equal(m[4] == "D" || m[6] == "I" || m[6] == "P", m[8].Length > 0); // motivo when D or I (and for P, why)
            Assert.InRange(m[8].Length, 0, 150);
        }

        var day1 = $"{firstWorkday:yyyy-MM-dd}T";
        Assert.Equal(
            [$"05|{linkOf["7001"]}|{day1}08:00:00-0300|1|E|001|O|COM8|", $"05|{linkOf["7001"]}|{day1}12:00:00-0300|1|S|001|O||",
             $"05|{linkOf["7001"]}|{day1}13:00:00-0300|1|E|002|O||", $"05|{linkOf["7001"]}|{day1}17:00:00-0300||S|002|I||Esqueceu de marcar a saída"],
            Lines(lines, linkOf["7001"], day1));
        Assert.Equal(
            [$"05|{linkOf["7002"]}|{day1}06:00:00-0300|1|E|001|O|T6|", $"05|{linkOf["7002"]}|{day1}06:01:00-0300|1|D|001|O||Marcação em duplicidade",
             $"05|{linkOf["7002"]}|{day1}12:00:00-0300|1|S|001|O||"],
            Lines(lines, linkOf["7002"], day1));
        Assert.Equal(
            [$"05|{linkOf["7003"]}|{day1}08:00:00-0300|1|E|001|O|COM8|", $"05|{linkOf["7003"]}|{day1}12:00:00-0300||S|001|P||Intervalo pré-assinalado",
             $"05|{linkOf["7003"]}|{day1}13:00:00-0300||E|002|P||Intervalo pré-assinalado", $"05|{linkOf["7003"]}|{day1}17:00:00-0300|1|S|002|O||"],
            Lines(lines, linkOf["7003"], day1));

        var program = Assert.Single(records, r => r[0] == "08");
        Assert.Equal(7, program.Length);
        Assert.Equal(["08", "Sluice"], program[..2]);
        Assert.InRange(program[2].Length, 1, 8); // versaoProg 1 a 8
        Assert.Equal(["1", "45723174000110", "Sluice Desenvolvimento Ltda", "ponto@sluice.example"], program[3..]);

        // Trailer: "quantidade de registros tipo 01" ... "tipo 08", each 1 a 9 N.
        var trailer = records[^1];
        Assert.Equal(["99", "1", "1", "50", "2", markings.Count.ToString(CultureInfo.InvariantCulture), "0", "0", "1"], trailer);
        Assert.Equal(Enumerable.Range(1, 8).Select(t => records.Count(r => r[0] == $"0{t}")), trailer[1..].Select(int.Parse));
    }

    private static List<string> Lines(string[] lines, string link, string dayPrefix) =>
        [.. lines.Where(l => l.StartsWith($"05|{link}|{dayPrefix}", StringComparison.Ordinal))];

    private static bool Odd(string code) => int.Parse(code, CultureInfo.InvariantCulture) % 2 == 1;

    private static string Local(DateOnly day, string time) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.Parse(time, CultureInfo.InvariantCulture)), TimeSpan.FromHours(-3))
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private async Task ScheduleAsync(Guid establishment, string code, string[] days, params (string Entry, string Exit)[] pairs)
    {
        using var response = await _gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/schedules",
            new ScheduleRequest(code, null, null, [.. pairs.Select(p => new SchedulePair(p.Entry, p.Exit))], days));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<Dictionary<string, Guid>> EmployeeIdsAsync(Guid establishment) =>
        (await _gateway.Client.GetFromJsonAsync<JsonElement>($"/api/establishments/{establishment}/employees"))!.EnumerateArray()
            .ToDictionary(e => e.GetProperty("code").GetString()!, e => e.GetProperty("id").GetGuid());

    private async Task TreatAsync(Guid employee, TreatmentRequest request)
    {
        using var response = await _gateway.Client.PostAsJsonAsync($"/api/employees/{employee}/treatments", request);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00[+-]\d{4}$")]
    private static partial Regex DateTimeField();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex SequenceField();

    [GeneratedRegex(@"(?<!\r)\n")]
    private static partial Regex BareLineFeed();
}
