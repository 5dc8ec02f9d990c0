using System.Net;
using System.Text;
using Sluice.Security;
using Sluice.Testing;
using Xunit.Abstractions;

namespace Sluice.Tests.Security;

/// <summary>
/// Every intake endpoint is fed hostile bodies: each is answered 4xx as a problem, nothing reaches the journal,
/// and the server still stores a good request afterwards.
/// </summary>
public sealed class IntakeFuzzTests(ITestOutputHelper output)
{
    /// <summary>
    /// Intake endpoints with credentials of their own (not the intake policy) that answer JSON problems, which the
    /// catalog cannot find by policy. The device protocol (<c>/iclock/cdata</c>) answers in its own text and is fed
    /// hostile uploads in <c>AdmsTests</c>; the employee page answers HTML (<c>WebPinGuardTests</c>, <c>PunchPageBrowserTests</c>).
    /// </summary>
    public static readonly (string Method, string Path, string ContentType)[] OwnCredentialIntakes = [];

    private const string GoodPunch = """{"employeeId":"1001","punchedAt":"2026-11-22T08:00:03-03:00","deviceId":"FUZZ-1"}""";

    /// <summary>The hostile bodies: (what it is, bytes, content type).</summary>
    public static IEnumerable<(string Name, byte[] Body, string ContentType)> Bodies()
    {
        const string json = "application/json";
        (string, byte[], string) Text(string name, string body, string type = json) => (name, Encoding.UTF8.GetBytes(body), type);
        string Punch(string employee, string at = "\"2026-11-22T08:00:03-03:00\"", string device = "\"FUZZ-1\"") =>
            $$"""{"employeeId":{{employee}},"punchedAt":{{at}},"deviceId":{{device}}}""";

        // Malformed JSON.
        yield return Text("empty body", "");
        yield return Text("open brace", "{");
        yield return Text("truncated", """{"employeeId":"1001","punchedAt":""");
        yield return Text("trailing garbage", GoodPunch + "xyz");
        yield return Text("two documents", GoodPunch + GoodPunch);
        yield return Text("comment", "{/* hi */" + GoodPunch[1..]);
        yield return Text("single quotes", "{'employeeId':'1001','punchedAt':'2026-11-22T08:00:03-03:00'}");
        yield return Text("trailing comma", """{"employeeId":"1001","punchedAt":"2026-11-22T08:00:03-03:00",}""");
        yield return Text("NaN", """{"employeeId":NaN}""");

        // Wrong shapes and types.
        yield return Text("null", "null");
        yield return Text("array", "[" + GoodPunch + "]");
        yield return Text("string", "\"1001\"");
        yield return Text("number", "1001");
        yield return Text("empty object", "{}");
        yield return Text("employeeId number", Punch("1001"));
        yield return Text("employeeId array", Punch("[\"1001\"]"));
        yield return Text("employeeId object", Punch("{\"id\":\"1001\"}"));
        yield return Text("employeeId true", Punch("true"));
        yield return Text("punchedAt number", Punch("\"1001\"", "1763798403"));
        yield return Text("punchedAt without offset", Punch("\"1001\"", "\"2026-11-22T08:00:03\""));
        yield return Text("punchedAt impossible date", Punch("\"1001\"", "\"2026-13-45T25:61:00Z\""));
        yield return Text("huge number", Punch("1e999999"));
        yield return Text("deviceId object", Punch("\"1001\"", device: "{}"));

        // Injection strings: refused by field rules, never stored or echoed into SQL.
        yield return Text("SQL injection", Punch("\"1001'; DROP TABLE messages;--\""));
        yield return Text("SQL injection in date", Punch("\"1001\"", "\"2026-11-22T08:00:03-03:00' OR '1'='1\""));
        yield return Text("script tag", Punch("\"<script>alert(1)</script>\""));
        yield return Text("JNDI lookup", Punch("\"${jndi:ldap://127.0.0.1/a}\""));
        yield return Text("path traversal", Punch("\"../../etc/passwd\""));
        yield return Text("NUL in id", Punch("\"10\\u000001\""));
        yield return Text("control characters in deviceId", Punch("\"1001\"", device: "\"FUZZ\\u0007\\u001b[2J\""));
        yield return Text("lone surrogate escape", Punch("\"\\ud800\""));
        yield return Text("right-to-left override", Punch("\"1001\\u202e\""));
        yield return Text("format string", Punch("\"%s%s%n{0}\""));
        yield return Text("long employeeId", Punch($"\"{new string('9', 10_000)}\""));

        // Deeply nested and huge.
        yield return Text("deeply nested arrays", new string('[', 5_000) + new string(']', 5_000));
        yield return Text("deeply nested objects", string.Concat(Enumerable.Repeat("{\"a\":", 3_000)) + "1" + new string('}', 3_000));
        yield return Text("deeply nested value", Punch(new string('[', 2_000) + new string(']', 2_000)));
        // Three times the intake limit: over it, yet small enough to be sent whole before the 413 comes back (a body
        // many times larger races the server closing the connection, and the client may see a broken pipe instead).
        yield return Text("huge body", Punch($"\"{new string('a', 200_000)}\""));
        yield return Text("many properties", "{" + string.Join(',', Enumerable.Range(0, 5_000).Select(i => $"\"p{i}\":{i}")) + "}");

        // Bad encodings.
        yield return ("invalid UTF-8 in a string", Concat("{\"employeeId\":\"10", [0xC3, 0x28], "\",\"punchedAt\":\"2026-11-22T08:00:03-03:00\"}"), json);
        yield return ("overlong UTF-8", Concat("{\"employeeId\":\"", [0xC0, 0xAF], "\",\"punchedAt\":\"2026-11-22T08:00:03-03:00\"}"), json);
        yield return ("UTF-8 surrogate half", Concat("{\"employeeId\":\"", [0xED, 0xA0, 0x80], "\",\"punchedAt\":\"2026-11-22T08:00:03-03:00\"}"), json);
        yield return ("UTF-16 sent as UTF-8", Encoding.Unicode.GetBytes(GoodPunch), json);
        yield return ("random bytes", [.. Enumerable.Range(0, 512).Select(i => (byte)((i * 7919) % 256))], json);

        // Wrong content types.
        yield return Text("JSON as text/plain", GoodPunch, "text/plain");
        yield return Text("form post", "employeeId=1001&punchedAt=2026-11-22T08:00:03-03:00", "application/x-www-form-urlencoded");
        yield return Text("XML", "<punch><employeeId>1001</employeeId></punch>", "application/xml");
    }

    [Fact]
    public async Task Every_intake_answers_hostile_bodies_with_a_4xx_problem_stores_nothing_and_stays_healthy()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        await gateway.RegisterEmployeesAsync("1001");
        var intakes = EndpointCatalog.Read(gateway)
            .Where(e => e is { Method: "POST", Policy: SluicePolicies.Intake or SluicePolicies.Orders })
            .Select(e => (e.Method, e.Path, ContentType: "application/json"))
            .Concat(OwnCredentialIntakes)
            .ToList();
        Assert.Contains(intakes, i => i.Path.TrimEnd('/') == "/api/punches");

        var stored = await JournalFile.CountMessagesAsync(gateway.JournalPath);
        var failures = new List<string>();
        var sent = 0;
        foreach (var intake in intakes)
        {
            foreach (var (name, body, contentType) in Bodies())
            {
                using var request = new HttpRequestMessage(new HttpMethod(intake.Method), intake.Path) { Content = new ByteArrayContent(body) };
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                using var response = await gateway.Client.SendAsync(request);
                sent++;
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                output.WriteLine($"{intake.Path} {name}: {status} {type}");
                if (status is < 400 or >= 500 || type != "application/problem+json")
                {
                    failures.Add($"{intake.Method} {intake.Path} {name}: {status} {type}");
                }
            }
        }

        Assert.Empty(failures);
        Assert.True(sent >= 45, $"only {sent} bodies sent");
        Assert.Equal(stored, await JournalFile.CountMessagesAsync(gateway.JournalPath));

        using var ready = await gateway.AnonymousClient.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var punch = $$"""{"employeeId":"1001","punchedAt":"{{gateway.Now()}}","deviceId":"FUZZ-1"}""";
        using var good = await gateway.Client.PostAsync("/api/punches", new StringContent(punch, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, good.StatusCode);
        Assert.Equal(stored + 1, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task Hostile_idempotency_keys_are_refused_and_nothing_is_stored()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        foreach (var key in new[] { "'; DROP TABLE messages;--", new string('k', 300), "key with spaces", "key\u007f" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/punches")
            {
                Content = new StringContent(GoodPunch, Encoding.UTF8, "application/json"),
            };
            request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            using var response = await gateway.Client.SendAsync(request);
            Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{key[..Math.Min(20, key.Length)]}: {(int)response.StatusCode}");
        }

        Assert.Equal(0, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    private static byte[] Concat(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];
}
