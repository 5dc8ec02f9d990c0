using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Sluice.Punches.Ledger;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Wiring;

public sealed class AdmsTests : LegacyGatewayTest
{
    private const string Serial = "CQZ7231160012";

    // These tests are about uploads, not credentials (AdmsCredentialTests): the device is registered without a comm key.
    protected override void Configure(IDictionary<string, string?> settings) => settings["Punches:Adms:AllowDevicesWithoutKey"] = "true";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Gateway.RegisterEmployeesAsync("0101", "0102");
        var device = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{await Gateway.EstablishmentAsync()}/devices",
            new { serial = Serial, timeZone = "America/Sao_Paulo" });
        device.EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task An_upload_replayed_three_times_stores_each_punch_once_and_is_answered_OK_each_time()
    {
        var handshake = await Gateway.Client.GetStringAsync($"/iclock/cdata?SN={Serial}&options=all&pushver=2.4.1&language=83");
        Assert.StartsWith($"GET OPTION FROM: {Serial}\n", handshake, StringComparison.Ordinal);
        Assert.Contains("TimeZone=-3", handshake, StringComparison.Ordinal);

        var local = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo")).AddMinutes(-10);
        string Line(string pin, int minutes) => $"{pin}\t{local.AddMinutes(minutes):yyyy-MM-dd HH:mm:ss}\t0\t1\t0\t0\t0";
        var body = string.Join("\r\n", Line("0101", 0), Line("0102", 1), Line("0101", 2)) + "\r\n";

        var replies = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Gateway.Client.PostAsync($"/iclock/cdata?SN={Serial}&table=ATTLOG&Stamp=9999", new StringContent(body, Encoding.ASCII, "text/plain"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            replies.Add(await response.Content.ReadAsStringAsync());
        }

        Assert.Equal(["OK: 3", "OK: 3", "OK: 3"], replies);
        Assert.Equal(3, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
        var verification = (await Gateway.Client.GetFromJsonAsync<ChainVerification>($"/api/establishments/{await Gateway.EstablishmentAsync()}/verify"))!;
        Assert.True(verification.Valid);
        Assert.Equal(3, verification.Punches);
        Assert.Equal("OK", await Gateway.Client.GetStringAsync($"/iclock/getrequest?SN={Serial}"));
    }

    [Theory]
    [InlineData("garbage", "not a punch at all")]
    [InlineData("no time", "0101\t\t0\t1")]
    [InlineData("impossible date", "0101\t2026-02-30 08:00:00\t0\t1")]
    [InlineData("injection", "0101'; DROP TABLE messages;--\t2026-11-24 08:00:00\t0\t1")]
    [InlineData("unknown PIN", "9999\t2026-11-24 08:00:00\t0\t1")]
    [InlineData("control characters", "\u0000\u0001\u0002\t\u0007")]
    public async Task Lines_that_are_not_punches_of_registered_employees_store_nothing_and_the_device_is_told_so(string name, string line)
    {
        using var response = await Gateway.Client.PostAsync(
            $"/iclock/cdata?SN={Serial}&table=ATTLOG", new StringContent(string.Join("\r\n", Enumerable.Repeat(line, 50)), Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK: 0", await response.Content.ReadAsStringAsync());
        Assert.True(0 == await JournalFile.CountMessagesAsync(Gateway.JournalPath), name);
    }

    [Fact]
    public async Task Random_bytes_and_an_oversized_upload_store_nothing_and_the_server_stays_ready()
    {
        using var bytes = await Gateway.Client.PostAsync($"/iclock/cdata?SN={Serial}&table=ATTLOG", new ByteArrayContent(RandomNumberGenerator.GetBytes(4096)));
        Assert.Equal("OK: 0", await bytes.Content.ReadAsStringAsync());

        // The server may refuse as soon as it reads the Content-Length: it answers 413 and closes, and a client
        // still sending then sees the connection reset (a broken pipe) instead of the answer. Both are a refusal.
        try
        {
            using var huge = await Gateway.Client.PostAsync(
                $"/iclock/cdata?SN={Serial}&table=ATTLOG", new StringContent(new string('x', 1_100_000), Encoding.ASCII, "text/plain"));
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);
        }
        catch (HttpRequestException closed) when (closed.InnerException is IOException or System.Net.Sockets.SocketException)
        {
        }

        Assert.Equal(0, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
        using var ready = await Gateway.AnonymousClient.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task An_unknown_serial_is_refused_and_nothing_is_stored()
    {
        var line = $"0101\t{DateTime.Now:yyyy-MM-dd HH:mm:ss}\t0\t1\t0\t0\t0\n";

        using var upload = await Gateway.Client.PostAsync("/iclock/cdata?SN=NOT-REGISTERED&table=ATTLOG", new StringContent(line));
        using var poll = await Gateway.Client.GetAsync("/iclock/getrequest?SN=NOT-REGISTERED");

        Assert.Equal(HttpStatusCode.Forbidden, upload.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, poll.StatusCode);
        Assert.Equal(0, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }
}
