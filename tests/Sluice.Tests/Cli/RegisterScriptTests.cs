using System.Diagnostics;
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
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot(), "bench", "register.sh"), Gateway.BaseAddress.ToString().TrimEnd('/'), "3"])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["SLUICE_TOKEN"] = TestCredentials.Token(SluiceRoles.Admin);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, await error);
        return (await output).Trim();
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Sluice.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Sluice.slnx above {AppContext.BaseDirectory}.");
    }
}
