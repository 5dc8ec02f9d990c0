using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sluice.Punches.Pages;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Wiring;

/// <summary>The employee page holds back PIN guessing: a person is locked out after a few wrong PINs, for a while.</summary>
public sealed class WebPinGuardTests
{
    private const string Code = "7007";
    private const string WebPin = "2468";

    [Fact]
    public async Task After_the_allowed_wrong_PINs_even_the_right_one_is_refused_until_the_lockout_ends_and_nothing_is_stored()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // A simulator on the real clock: the in-process one would wait on the frozen clock, and so would the gateway's stop.
        await using var legacy = await TestLegacy.StartAsync();
        var settings = TestGateway.Defaults(legacy.BaseAddress);
        settings["Punches:WebPinMaxFailures"] = "3";
        settings["Punches:WebPinLockout"] = "00:10:00";
        await using var gateway = await TestGateway.StartAsync(settings, time: time);
        await PunchRegistry.ImportEmployeesAsync(gateway.Client, await gateway.EstablishmentAsync(), [Code], WebPin);
        var before = await JournalFile.CountMessagesAsync(gateway.JournalPath);

        for (var i = 0; i < 3; i++)
        {
            using var wrong = await PostAsync(gateway, "0000");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var locked = await PostAsync(gateway, WebPin);
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(10), locked.Headers.RetryAfter?.Delta);
        Assert.Contains("Muitas tentativas", await locked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await JournalFile.CountMessagesAsync(gateway.JournalPath));

        time.Advance(TimeSpan.FromMinutes(10));
        using var allowed = await PostAsync(gateway, WebPin);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(before + 1, await JournalFile.CountMessagesAsync(gateway.JournalPath));
    }

    [Fact]
    public async Task A_right_PIN_clears_the_count_so_an_occasional_typo_never_locks_anyone_out()
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:WebPinMaxFailures"] = "2";
        await using var gateway = await TestGateway.StartAsync(settings);
        await PunchRegistry.ImportEmployeesAsync(gateway.Client, await gateway.EstablishmentAsync(), [Code], WebPin);

        foreach (var pin in new[] { "0000", WebPin, "0000", WebPin })
        {
            using var response = await PostAsync(gateway, pin);
            Assert.Equal(pin == WebPin ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(3, HttpStatusCode.TooManyRequests)]
    [InlineData(0, HttpStatusCode.OK)]
    public async Task Guessing_across_people_from_one_address_holds_the_address_back_unless_turned_off(int perAddress, HttpStatusCode expected)
    {
        var settings = TestGateway.Defaults(null);
        settings["Punches:WebPinMaxFailuresPerAddress"] = perAddress.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var gateway = await TestGateway.StartAsync(settings);
        await PunchRegistry.ImportEmployeesAsync(gateway.Client, await gateway.EstablishmentAsync(), [Code, "8008", "9009", "1010"], WebPin);

        foreach (var other in new[] { "8008", "9009", "1010" })
        {
            using var wrong = await PostAsync(gateway, "0000", other);
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        using var right = await PostAsync(gateway, WebPin);
        Assert.Equal(expected, right.StatusCode);
    }

    private static Task<HttpResponseMessage> PostAsync(TestGateway gateway, string pin, string code = Code) =>
        gateway.AnonymousClient.PostAsync(PunchPages.FormPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            [PunchPages.EmployeeField] = code,
            [PunchPages.PinField] = pin,
        }));
}
