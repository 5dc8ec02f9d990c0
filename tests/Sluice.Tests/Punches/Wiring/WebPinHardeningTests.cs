using System.Diagnostics;
using System.Net;
using System.Text;
using Sluice.Punches.Pages;
using Sluice.Punches.WebPage;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Wiring;

/// <summary>
/// The employee page gives an attacker bounded work and nothing to learn (issue 15, findings 5, 7 and 8): fields are
/// capped before anything is counted, the lockout table is bounded, a person is one count whether named by CPF or
/// code, unknown people take as long as known ones, and malformed forms are a 400, not a 500.
/// </summary>
public sealed class WebPinHardeningTests
{
    private const string Code = "7007";
    private const string WebPin = "2468";

    private static async Task<TestGateway> StartAsync(params (string Key, string Value)[] overrides)
    {
        var settings = TestGateway.Defaults(null);
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var gateway = await TestGateway.StartAsync(settings);
        await PunchRegistry.ImportEmployeesAsync(gateway.Client, await gateway.EstablishmentAsync(), [Code], WebPin);
        return gateway;
    }

    private static Task<HttpResponseMessage> PostAsync(TestGateway gateway, string employee, string pin) =>
        gateway.AnonymousClient.PostAsync(PunchPages.FormPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [PunchPages.EmployeeField] = employee,
            [PunchPages.PinField] = pin,
        }));

    [Fact]
    public async Task Oversized_names_are_refused_before_anything_is_counted_even_with_no_address_limit()
    {
        await using var gateway = await StartAsync(("Punches:WebPinMaxFailuresPerAddress", "0"));
        var guard = gateway.Service<WebPinGuard>();

        for (var i = 0; i < 10; i++)
        {
            using var response = await PostAsync(gateway, new string((char)('a' + i), 900_000), "0000");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(0, guard.Tracked);
    }

    [Fact]
    public void The_lockout_table_keeps_the_most_recently_failed_keys_up_to_its_capacity()
    {
        var table = new LockoutTable(capacity: 3);
        var now = DateTimeOffset.UnixEpoch;

        table.Update("victim", _ => new LockoutTable.Window(now, 5));
        for (var i = 0; i < 1000; i++)
        {
            table.Update($"flood-{i}", _ => new LockoutTable.Window(now, 1));
            // The person under attack fails again now and then, which keeps their window in.
            if (i % 2 == 0)
            {
                table.Update("victim", w => w! with { Failures = w.Failures + 1 });
            }
        }

        Assert.Equal(3, table.Count);
        Assert.NotNull(table.Get("victim"));
        Assert.NotNull(table.Get("flood-999"));
        Assert.Null(table.Get("flood-0"));
    }

    [Fact]
    public async Task CPF_and_code_count_against_the_same_person()
    {
        await using var gateway = await StartAsync(("Punches:WebPinMaxFailures", "4"), ("Punches:WebPinMaxFailuresPerAddress", "0"));
        var cpf = PunchRegistry.CpfFor(Code);

        foreach (var name in new[] { Code, cpf, Code, cpf })
        {
            using var wrong = await PostAsync(gateway, name, "0000");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var byCode = await PostAsync(gateway, Code, WebPin);
        using var byCpf = await PostAsync(gateway, cpf, WebPin);
        Assert.Equal(HttpStatusCode.TooManyRequests, byCode.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, byCpf.StatusCode);
    }

    [Fact]
    public async Task A_wrong_PIN_takes_as_long_for_nobody_as_for_an_employee_with_a_web_PIN()
    {
        await using var gateway = await StartAsync(("Punches:WebPinMaxFailures", "1000"), ("Punches:WebPinMaxFailuresPerAddress", "0"));
        var known = new List<double>();
        var unknown = new List<double>();

        // Interleaved, so load from other processes falls on both alike; medians, so one stall does not decide.
        for (var i = 0; i < 9; i++)
        {
            known.Add(await TimeAsync(gateway, Code));
            unknown.Add(await TimeAsync(gateway, "no-such-person"));
        }

        var (knownMedian, unknownMedian) = (known.Order().ElementAt(4), unknown.Order().ElementAt(4));
        // Before: about 27 ms against 1 ms. Both now hash one PIN.
        Assert.True(unknownMedian > knownMedian / 3, $"known {knownMedian:F1} ms, unknown {unknownMedian:F1} ms");
    }

    private static async Task<double> TimeAsync(TestGateway gateway, string employee)
    {
        var clock = Stopwatch.StartNew();
        using var response = await PostAsync(gateway, employee, "0000");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        return clock.Elapsed.TotalMilliseconds;
    }

    [Fact]
    public async Task Malformed_forms_are_refused_with_400_not_500()
    {
        await using var gateway = await StartAsync();
        var manyFields = string.Join('&', Enumerable.Range(0, 1100).Select(i => $"f{i}=1"));
        var bodies = new (string Name, HttpContent Content)[]
        {
            ("NUL name", new StringContent("employee=%00&pin=1", Encoding.ASCII, "application/x-www-form-urlencoded")),
            ("NUL PIN", new StringContent("employee=7007&pin=%00", Encoding.ASCII, "application/x-www-form-urlencoded")),
            ("more than 1,024 fields", new StringContent(manyFields, Encoding.ASCII, "application/x-www-form-urlencoded")),
            ("multipart without a boundary", new StringContent("--x\r\n", Encoding.ASCII, "multipart/form-data")),
            ("multipart with a broken body", Multipart("--b\r\nContent-Disposition: form-data; name=\"employee\"\r\n\r\n7007")),
        };

        foreach (var (name, content) in bodies)
        {
            using var response = await gateway.AnonymousClient.PostAsync(PunchPages.FormPath, content);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{name}: {(int)response.StatusCode}");
        }
    }

    private static StringContent Multipart(string body)
    {
        var content = new StringContent(body, Encoding.ASCII);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return content;
    }
}
