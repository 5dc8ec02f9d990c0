using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Sluice.Journal;
using Sluice.Journal.Retention;
using Sluice.Punches.Adms;
using Sluice.Punches.Adms.Rejected;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Adms;

/// <summary>
/// A device pushing over ADMS to a real gateway, on each journal engine: how it proves itself, what one device may
/// send, that a punch is stored once however often and however late it is sent, and that what cannot be taken is
/// kept for HR.
/// </summary>
public abstract class AdmsDeviceTests : IAsyncLifetime
{
    protected const string Serial = "CQZ7231160099";
    protected const string Key = "k3y0f7h3d3v1c3";
    private static readonly string[] BadNetworks = ["10.0.0.0/33", "not-an-address"];
    private static readonly TimeZoneInfo SaoPaulo = TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo");

    private TestLegacy _legacy = null!;
    private Dictionary<string, string?> _engine = null!;

    protected TestGateway Gateway { get; private set; } = null!;

    /// <summary>Settings that put the gateway's journal on this engine.</summary>
    protected abstract Task<Dictionary<string, string?>> EngineSettingsAsync();

    /// <summary>A connection to the journal's database, to count what is really stored.</summary>
    protected abstract Task<DbConnection> OpenDatabaseAsync();

    /// <summary>A table's name as SQL spells it on this engine.</summary>
    protected abstract string Table(string name);

    public async Task InitializeAsync()
    {
        _legacy = await TestLegacy.StartAsync();
        _engine = await EngineSettingsAsync();
        Gateway = await StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Gateway.DisposeAsync();
        await _legacy.DisposeAsync();
    }

    [Fact]
    public async Task Serial_alone_is_refused_once_the_device_has_a_comm_key_and_the_key_on_its_handshake_opens_it()
    {
        await RegisterDeviceAsync(Serial, Key);
        var body = Line("0101", Local(-10));

        var serialOnly = await UploadAsync(Serial, body);
        var wrongKey = await GetAsync($"/iclock/cdata?SN={Serial}&options=all&pushver=2.4.1&pushcommkey=wrong0key");
        var handshake = await GetAsync($"/iclock/cdata?SN={Serial}&options=all&pushver=2.4.1&pushcommkey={Key}");
        var afterHandshake = await UploadAsync(Serial, body);

        Assert.Equal((HttpStatusCode.Forbidden, "ERROR: device not authorized"), serialOnly);
        Assert.Equal((HttpStatusCode.Forbidden, "ERROR: device not authorized"), wrongKey);
        Assert.Equal(HttpStatusCode.OK, handshake.Status);
        Assert.StartsWith($"GET OPTION FROM: {Serial}\n", handshake.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "OK: 1"), afterHandshake);
        Assert.Equal(1, await CountAsync("messages"));
    }

    [Fact]
    public async Task Unknown_serial_wrong_key_and_missing_key_are_answered_alike()
    {
        await RegisterDeviceAsync(Serial, Key);
        string[] paths =
        [
            "/iclock/cdata?SN={0}&options=all&pushcommkey={1}", "/iclock/getrequest?SN={0}&pushcommkey={1}", "/iclock/getrequest.aspx?SN={0}",
        ];

        foreach (var path in paths)
        {
            var unknown = await GetAsync(string.Format(CultureInfo.InvariantCulture, path, "NOT-REGISTERED", Key));
            var wrong = await GetAsync(string.Format(CultureInfo.InvariantCulture, path, Serial, "wrong0key"));
            var missing = await GetAsync(string.Format(CultureInfo.InvariantCulture, path, Serial, ""));

            Assert.Equal((HttpStatusCode.Forbidden, "ERROR: device not authorized"), unknown);
            Assert.Equal(unknown, wrong);
            Assert.Equal(unknown, missing);
        }

        Assert.Equal(await UploadAsync("NOT-REGISTERED", Line("0101", Local(-10))), await UploadAsync(Serial, Line("0101", Local(-10))));
        Assert.Equal(0, await CountAsync("messages"));
    }

    [Fact]
    public async Task A_device_registered_without_a_key_is_refused_unless_the_setting_allows_it()
    {
        await RegisterDeviceAsync(Serial, commKey: null);

        Assert.Equal((HttpStatusCode.Forbidden, "ERROR: device not authorized"), await UploadAsync(Serial, Line("0101", Local(-10))));

        await Gateway.DisposeAsync();
        Gateway = await StartAsync(("Punches:Adms:AllowDevicesWithoutKey", "true"));
        await RegisterDeviceAsync(Serial, commKey: null);
        Assert.Equal((HttpStatusCode.OK, "OK: 1"), await UploadAsync(Serial, Line("0101", Local(-10))));
    }

    [Fact]
    public async Task A_device_calling_from_outside_its_networks_is_refused_even_with_its_key()
    {
        await RegisterDeviceAsync(Serial, Key, networks: ["10.9.9.0/24"]);
        Assert.Equal(HttpStatusCode.Forbidden, (await HandshakeAsync(Serial)).Status);

        await RegisterDeviceAsync(Serial, commKey: null, networks: ["127.0.0.0/8"]); // the key is kept when left out
        Assert.Equal(HttpStatusCode.OK, (await HandshakeAsync(Serial)).Status);
        var devices = (await Gateway.Client.GetFromJsonAsync<DeviceEntry[]>($"/api/establishments/{await Gateway.EstablishmentAsync()}/devices"))!;
        Assert.Equal(new DeviceEntry(Serial, true, ["127.0.0.0/8"]), Assert.Single(devices));
    }

    [Fact]
    public async Task A_line_sent_again_with_another_work_code_or_status_is_the_same_punch()
    {
        await RegisterDeviceAsync(Serial, Key);
        await HandshakeAsync(Serial);
        var at = Local(-10);

        var replies = new[]
        {
            await UploadAsync(Serial, $"0101\t{at:yyyy-MM-dd HH:mm:ss}\t0\t1\t0\t0\t0"),
            await UploadAsync(Serial, $"0101\t{at:yyyy-MM-dd HH:mm:ss}\t0\t1\t7\t0\t0"),
            await UploadAsync(Serial, $"0101\t{at:yyyy-MM-dd HH:mm:ss}\t1\t15\t3\t9\t9"),
        };

        Assert.All(replies, r => Assert.Equal((HttpStatusCode.OK, "OK: 1"), r));
        Assert.Equal(1, await CountAsync("messages"));
        Assert.Single(await PunchTimesAsync());
    }

    [Fact]
    public async Task An_upload_longer_than_the_cap_is_refused_whole_and_uploads_past_the_minute_cap_are_refused()
    {
        await Gateway.DisposeAsync();
        Gateway = await StartAsync(("Punches:Adms:MaxLinesPerUpload", "5"), ("Punches:Adms:UploadsPerMinute", "2"));
        await RegisterDeviceAsync(Serial, Key);
        await HandshakeAsync(Serial);
        var six = string.Join("\n", Enumerable.Range(0, 6).Select(i => Line("0101", Local(-30 + i))));

        var tooLong = await UploadAsync(Serial, six); // takes the first of the two uploads this minute
        var second = await UploadAsync(Serial, Line("0101", Local(-10)));
        var third = await UploadAsync(Serial, Line("0102", Local(-10)));

        Assert.Equal((HttpStatusCode.RequestEntityTooLarge, "ERROR: at most 5 lines per upload"), tooLong);
        Assert.Equal((HttpStatusCode.OK, "OK: 1"), second);
        Assert.Equal((HttpStatusCode.TooManyRequests, "ERROR: too many uploads, try again later"), third);
        Assert.Equal(1, await CountAsync("messages"));
    }

    [Fact]
    public async Task Lines_that_cannot_be_taken_are_kept_for_HR_with_their_reason_once_and_not_counted()
    {
        await RegisterDeviceAsync(Serial, Key);
        await HandshakeAsync(Serial);
        var body = string.Join("\r\n",
            Line("0101", Local(-10)), Line("9999", Local(-9)), Line("0102", Local(-60 * 24 * 40)), Line("0101", Local(60)), "garbage");

        var first = await UploadAsync(Serial, body);
        var again = await UploadAsync(Serial, body);

        Assert.Equal((HttpStatusCode.OK, "OK: 1"), first);
        Assert.Equal((HttpStatusCode.OK, "OK: 1"), again);
        Assert.Equal(1, await CountAsync("messages"));
        var kept = (await Gateway.Client.GetFromJsonAsync<RejectedLinesView>($"/api/establishments/{await Gateway.EstablishmentAsync()}/devices/rejected"))!;
        Assert.Equal(4, kept.Total);
        var byLine = kept.Lines.ToDictionary(l => l.LineNumber);
        Assert.Contains("No active employee has this PIN", byLine[2].Reason, StringComparison.Ordinal);
        Assert.Equal("9999", byLine[2].Pin);
        Assert.Contains("older than Punches:MaxOfflineAge", byLine[3].Reason, StringComparison.Ordinal);
        Assert.Contains("ahead of the server's clock", byLine[4].Reason, StringComparison.Ordinal);
        Assert.Contains("device time", byLine[5].Reason, StringComparison.Ordinal);
        Assert.All(kept.Lines, l => Assert.Equal(Serial, l.Serial));
        var metrics = await Gateway.Client.GetStringAsync("/metrics");
        Assert.Contains("sluice_adms_rejected_lines_total", metrics, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Device_times_are_read_in_the_device_zone_not_the_server_or_the_establishment_zone()
    {
        await RegisterDeviceAsync(Serial, Key, timeZone: "Asia/Kolkata");
        var handshake = await HandshakeAsync(Serial);
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        var instant = DateTimeOffset.UtcNow.AddMinutes(-10);
        var local = TimeZoneInfo.ConvertTime(instant, kolkata);

        var reply = await UploadAsync(Serial, Line("0101", local.DateTime));

        Assert.Contains("TimeZone=5.5\n", handshake.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "OK: 1"), reply);
        var stored = Assert.Single(await PunchTimesAsync());
        Assert.Equal(instant.ToUnixTimeSeconds(), stored / 1000);
    }

    [Fact]
    public async Task A_device_resending_its_records_after_the_journal_pruned_them_stores_nothing_new_even_once_its_zone_is_corrected()
    {
        var (time, now) = await StartOnFakeClockWithDeviceAsync();
        var body = string.Join("\n", Line("0101", now.AddMinutes(-30)), Line("0102", now.AddMinutes(-20)), Line("0101", now.AddMinutes(-5)));
        Assert.Equal((HttpStatusCode.OK, "OK: 3"), await UploadAsync(Serial, body));
        var journal = Gateway.Service<IJournal>();
        await Eventually.UntilAsync(
            () =>
            {
                time.Advance(TimeSpan.FromSeconds(1)); // the delivery loop waits on the gateway's clock
                return journal.GetStatsAsync(CancellationToken.None);
            },
            s => s.Single(d => d.Destination == "legacy").Delivered == 3, because: "the three punches are delivered and marked so");

        // HR corrects the device's zone: the same lines now read as other instants, so only their identity finds them.
        await RegisterDeviceAsync(Serial, commKey: null, timeZone: "America/Manaus");

        // Past the journal's retention (7 days) but within the offline window (31 days) the device asks for all again.
        time.Advance(TimeSpan.FromDays(8));
        var retention = Gateway.Services.GetServices<IHostedService>().OfType<JournalRetention>().Single();
        await retention.PruneOnceAsync(CancellationToken.None); // the timed sweep may have begun on the moved clock too
        Assert.Equal(0, await CountAsync("messages"));
        Assert.Equal(0, await CountAsync("idempotency")); // the journal no longer knows the lines' keys
        Assert.Equal(HttpStatusCode.OK, (await HandshakeAsync(Serial)).Status); // the session ended with the days
        var resent = await UploadAsync(Serial, body);

        Assert.Equal((HttpStatusCode.OK, "OK: 3"), resent);
        Assert.Equal(0, await CountAsync("messages"));
        Assert.Equal(3, (await PunchTimesAsync()).Count);
    }

    [Fact]
    public async Task Punch_identities_are_forgotten_only_once_such_a_line_would_be_refused_as_too_old()
    {
        var (time, now) = await StartOnFakeClockWithDeviceAsync();
        Assert.Equal((HttpStatusCode.OK, "OK: 1"), await UploadAsync(Serial, Line("0101", now.AddMinutes(-5))));
        var pruner = Gateway.Services.GetServices<IHostedService>().OfType<AdmsLinesPruner>().Single();

        time.Advance(TimeSpan.FromDays(31)); // Punches:MaxOfflineAge: a re-send would still be taken, so it must still be known
        await pruner.PruneOnceAsync(CancellationToken.None);
        Assert.Equal(1, await CountAsync("adms_punch_lines"));

        time.Advance(TimeSpan.FromDays(2)); // past the window and the day's margin: such a line is refused as too old
        await pruner.PruneOnceAsync(CancellationToken.None);
        Assert.Equal(0, await CountAsync("adms_punch_lines"));
    }

    [Fact]
    public async Task Older_firmware_aspx_paths_are_the_same_endpoints()
    {
        await RegisterDeviceAsync(Serial, Key);

        var handshake = await GetAsync($"/iclock/cdata.aspx?SN={Serial}&options=all&pushcommkey={Key}");
        var upload = await UploadAsync(Serial, Line("0101", Local(-10)), path: "/iclock/cdata.aspx");
        var poll = await GetAsync($"/iclock/getrequest.aspx?SN={Serial}");
        using var result = await Gateway.AnonymousClient.PostAsync($"/iclock/devicecmd.aspx?SN={Serial}", new StringContent("ID=1&Return=0&CMD=DATA"));

        Assert.Equal(HttpStatusCode.OK, handshake.Status);
        Assert.StartsWith($"GET OPTION FROM: {Serial}", handshake.Text, StringComparison.Ordinal);
        Assert.Equal((HttpStatusCode.OK, "OK: 1"), upload);
        Assert.Equal((HttpStatusCode.OK, "OK"), poll);
        Assert.Equal("OK", await result.Content.ReadAsStringAsync());
        Assert.Equal(1, await CountAsync("messages"));
    }

    [Fact]
    public async Task Bad_device_settings_and_queries_are_problems_naming_each_field_and_store_nothing()
    {
        var establishment = await Gateway.EstablishmentAsync();

        using var device = await Gateway.Client.PostAsJsonAsync(
            $"/api/establishments/{establishment}/devices", new { serial = Serial, commKey = "short", networks = BadNetworks });
        using var limit = await Gateway.Client.GetAsync($"/api/establishments/{establishment}/devices/rejected?limit=0");
        using var unknown = await Gateway.Client.GetAsync($"/api/establishments/{Guid.NewGuid()}/devices/rejected");

        Assert.Equal(HttpStatusCode.BadRequest, device.StatusCode);
        var problem = (await device.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!;
        Assert.Equal(["commKey", "networks"], problem.Errors.Keys.Order());
        Assert.Empty((await Gateway.Client.GetFromJsonAsync<DeviceEntry[]>($"/api/establishments/{establishment}/devices"))!);
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);
        Assert.Contains("limit", await limit.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    private async Task<TestGateway> StartAsync(params (string Key, string Value)[] overrides) => await StartAsync(null, overrides);

    /// <summary>
    /// The gateway again on a clock the test moves, with the device registered and its session open; returns the clock
    /// and the device's local time now.
    /// </summary>
    private async Task<(FakeTimeProvider Time, DateTime Now)> StartOnFakeClockWithDeviceAsync()
    {
        await Gateway.DisposeAsync();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Gateway = await StartAsync(time);
        await RegisterDeviceAsync(Serial, Key);
        await HandshakeAsync(Serial);
        return (time, TimeZoneInfo.ConvertTime(time.GetUtcNow(), SaoPaulo).DateTime);
    }

    private async Task<TestGateway> StartAsync(TimeProvider? time, params (string Key, string Value)[] overrides)
    {
        var settings = TestGateway.Defaults(_legacy.BaseAddress);
        foreach (var (key, value) in _engine)
        {
            settings[key] = value;
        }

        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        // A restart gets a new SQLite file (the old gateway deletes its own) but the same PostgreSQL database.
        var gateway = await TestGateway.StartAsync(settings, time: time);
        await gateway.RegisterEmployeesAsync("0101", "0102");
        return gateway;
    }

    protected async Task RegisterDeviceAsync(string serial, string? commKey, string[]? networks = null, string timeZone = "America/Sao_Paulo")
    {
        using var response = await Gateway.Client.PostAsJsonAsync(
            $"/api/establishments/{await Gateway.EstablishmentAsync()}/devices", new { serial, timeZone, commKey, networks });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    protected Task<(HttpStatusCode Status, string Text)> HandshakeAsync(string serial) =>
        GetAsync($"/iclock/cdata?SN={serial}&options=all&pushver=2.4.1&language=83&pushcommkey={Key}");

    private async Task<(HttpStatusCode Status, string Text)> GetAsync(string path)
    {
        using var response = await Gateway.AnonymousClient.GetAsync(path);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    protected async Task<(HttpStatusCode Status, string Text)> UploadAsync(string serial, string body, string path = "/iclock/cdata")
    {
        using var response = await Gateway.AnonymousClient.PostAsync(
            $"{path}?SN={serial}&table=ATTLOG&Stamp=9999", new StringContent(body, Encoding.ASCII, "text/plain"));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<long> CountAsync(string table)
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Table(table)}";
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private async Task<List<long>> PunchTimesAsync()
    {
        await using var connection = await OpenDatabaseAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT punched_at_ms FROM {Table("punch_ledger")} WHERE record_type = 7 ORDER BY punched_at_ms";
        await using var reader = await command.ExecuteReaderAsync();
        var times = new List<long>();
        while (await reader.ReadAsync())
        {
            times.Add(reader.GetInt64(0));
        }

        return times;
    }

    /// <summary>The device's wall clock (São Paulo) <paramref name="minutes"/> from now.</summary>
    private static DateTime Local(int minutes) => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, SaoPaulo).DateTime.AddMinutes(minutes);

    private static string Line(string pin, DateTime local) =>
        string.Create(CultureInfo.InvariantCulture, $"{pin}\t{local:yyyy-MM-dd HH:mm:ss}\t0\t1\t0\t0\t0");

    private sealed record DeviceEntry(string Serial, bool HasCommKey, string[] Networks)
    {
        public bool Equals(DeviceEntry? other) =>
            other is not null && Serial == other.Serial && HasCommKey == other.HasCommKey && Networks.SequenceEqual(other.Networks);

        public override int GetHashCode() => Serial.GetHashCode(StringComparison.Ordinal);
    }
}
