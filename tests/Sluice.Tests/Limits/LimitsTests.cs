using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Limits;

public sealed class LimitsTests
{
    [Fact]
    public async Task A_caller_past_its_rate_gets_429_with_Retry_After_while_other_callers_and_probes_go_on()
    {
        var settings = TestGateway.Defaults(null);
        settings["Limits:RatePerSecond"] = "1";
        settings["Limits:RateBurst"] = "3";
        await using var gateway = await TestGateway.StartAsync(settings);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6 && limited is null; i++)
        {
            var response = await gateway.Client.GetAsync("/api/destinations");
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                response.Dispose();
            }
        }

        Assert.NotNull(limited);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) >= 3, string.Join(",", statuses));
        Assert.True(limited.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 }, $"Retry-After: {limited.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":429", await limited.Content.ReadAsStringAsync());
        limited.Dispose();

        // Buckets are per caller: another person is not held back by this one, and probes never are.
        using var auditor = gateway.CreateClient(roles: [SluiceRoles.Auditor]);
        using (var other = await auditor.GetAsync("/api/destinations"))
        {
            Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        }

        for (var i = 0; i < 5; i++)
        {
            using var probe = await gateway.AnonymousClient.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
        }
    }

    [Fact]
    public async Task Bodies_past_the_route_limit_are_413_problems_and_intake_has_a_smaller_limit_than_the_rest()
    {
        var settings = TestGateway.Defaults(null);
        settings["Limits:IntakeMaxRequestBodyBytes"] = "4096";
        settings["Limits:MaxRequestBodyBytes"] = "65536";
        await using var gateway = await TestGateway.StartAsync(settings);
        var padding = new string(' ', 10_000);

        // 10 KB: past intake's limit, within the global one (so the replay endpoint reads it and finds it empty).
        using (var punch = await gateway.Client.PostAsync("/api/punches", Json("{" + padding + "}")))
        {
            await AssertProblemAsync(punch, HttpStatusCode.RequestEntityTooLarge);
        }

        using (var replay = await gateway.Client.PostAsync("/api/dead-letters/replay", Json("{" + padding + "}")))
        {
            await AssertProblemAsync(replay, HttpStatusCode.BadRequest);
        }

        // Past the global limit, without a Content-Length (chunked): refused while reading.
        var big = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes("{\"ids\":[]" + new string(' ', 100_000) + "}")));
        big.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/dead-letters/replay") { Content = big };
        request.Headers.TransferEncodingChunked = true;
        using (var replay = await gateway.Client.SendAsync(request))
        {
            await AssertProblemAsync(replay, HttpStatusCode.RequestEntityTooLarge);
        }

        Assert.Equal(0, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task An_intake_request_whose_body_stalls_is_cut_off_with_a_408_problem()
    {
        var settings = TestGateway.Defaults(null);
        settings["Limits:MinRequestBodyGracePeriod"] = "00:00:01.500";
        await using var gateway = await TestGateway.StartAsync(settings);

        // A raw socket, so the body can stop halfway as a slow or stuck client's would.
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(gateway.BaseAddress.Host, gateway.BaseAddress.Port);
        var stream = tcp.GetStream();
        var head =
            $"POST /api/punches HTTP/1.1\r\nHost: {gateway.BaseAddress.Authority}\r\nContent-Type: application/json\r\n" +
            $"Authorization: Bearer {TestCredentials.Token(SluiceRoles.Admin)}\r\nContent-Length: 200\r\n\r\n{{\"employeeId\":";
        var clock = Stopwatch.StartNew();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        var (status, headers) = await ReadHeadAsync(stream);
        Assert.Equal("HTTP/1.1 408 Request Timeout", status);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(1400), TimeSpan.FromSeconds(10));
        Assert.Contains("application/problem+json", headers);
        Assert.Equal(0, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task A_read_stuck_behind_a_lock_is_answered_504_problem_at_the_request_timeout()
    {
        var database = await PostgresTestDatabase.CreateAsync("timeout");
        var settings = TestGateway.Defaults(null);
        database.Configure(settings);
        settings["Limits:RequestTimeout"] = "00:00:00.500";
        await using var gateway = await TestGateway.StartAsync(settings);

        // Another session holds the journal's table: the dead-letter query waits for it.
        await using var connection = await database.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE sluice.messages IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await lockTable.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        using var response = await gateway.Client.GetAsync("/api/dead-letters");
        clock.Stop();
        await AssertProblemAsync(response, HttpStatusCode.GatewayTimeout);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(400), TimeSpan.FromSeconds(10));
        await transaction.RollbackAsync();

        using var after = await gateway.Client.GetAsync("/api/dead-letters");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    private static async Task<(string Status, string Headers)> ReadHeadAsync(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, leaveOpen: true);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var status = await reader.ReadLineAsync(cancel.Token) ?? "";
        var headers = new StringBuilder();
        while (await reader.ReadLineAsync(cancel.Token) is { Length: > 0 } header)
        {
            headers.AppendLine(header);
        }

        return (status, headers.ToString());
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
