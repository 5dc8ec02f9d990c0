using System.Net;
using System.Net.Http.Json;
using Sluice.Punches;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Replies;

/// <summary><c>sluice reply</c>, run as a user runs it (the built executable), against a real gateway.</summary>
public sealed class ReplyCliTests : LegacyGatewayTest
{
    private Task<ToolOutput> CliAsync(params string[] arguments) =>
        SluiceCli.RunAsync([.. arguments, "--server", Gateway.BaseAddress.ToString(), "--token", TestCredentials.Token(SluiceRoles.Auditor)]);

    private async Task<Guid> DeliveredPunchAsync(string employee)
    {
        using var response = await Gateway.PostPunchAsync(employee);
        var id = (await response.Content.ReadFromJsonAsync<PunchReceipt>())!.Id;
        await Eventually.UntilAsync(() => Gateway.Client.GetAsync($"/api/punches/{id}/reply"),
            r => r.StatusCode != HttpStatusCode.Accepted, because: "the legacy system answered");
        return id;
    }

    [Fact]
    public async Task Reply_shows_the_legacy_answer_status_and_size()
    {
        var id = await DeliveredPunchAsync("1001");
        var size = (await Gateway.Client.GetByteArrayAsync($"/api/punches/{id}/reply")).Length;

        var (exit, output) = await CliAsync("reply", id.ToString(), "--body");

        Assert.True(exit == 0, output);
        Assert.Contains($"status: 200 OK; {size} bytes; application/json", output, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"/punches\"", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reply_of_a_dead_letter_names_its_last_error_and_exits_1()
    {
        await Legacy.ConfigureAsync(new { rejectStatus = 422 });
        var id = await DeliveredPunchAsync("1002");

        var (exit, output) = await CliAsync("reply", id.ToString());

        Assert.Equal(1, exit);
        Assert.Contains("502", output, StringComparison.Ordinal);
        Assert.Contains("422", output, StringComparison.Ordinal);
    }
}
