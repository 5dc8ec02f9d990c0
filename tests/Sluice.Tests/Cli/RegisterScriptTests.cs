using System.Net.Http.Json;
using Sluice.Punches.Registry;
using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Cli;

/// <summary><c>bench/register.sh</c>, the Quick start's set-up, run twice as a new user would: the second run reuses the first's.</summary>
public sealed class RegisterScriptTests : LegacyGatewayTest
{
    [Fact]
    public async Task Running_register_twice_reuses_the_establishment_and_its_employees()
    {
        var first = await RegisterAsync();
        var second = await RegisterAsync();

        Assert.Equal(first, second);
        var establishments = await Gateway.Client.GetFromJsonAsync<List<EstablishmentView>>("/api/establishments");
        Assert.Equal(first, Assert.Single(establishments!).Id.ToString());
        var employees = await Gateway.Client.GetStringAsync($"/api/establishments/{first}/employees");
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(employees, "\"code\":"));
    }

    private async Task<string> RegisterAsync()
    {
        var register = await ExternalTool.RunAsync(
            "bash", [Repository.File("bench", "register.sh"), Gateway.BaseAddress.ToString().TrimEnd('/'), "3"],
            environment: new Dictionary<string, string?> { ["SLUICE_TOKEN"] = TestCredentials.Token(SluiceRoles.Admin) });
        Assert.True(register.ExitCode == 0, register.StandardError);
        return register.StandardOutput.Trim();
    }
}
