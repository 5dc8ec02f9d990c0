using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sluice.Security;
using Sluice.Testing;
using Sluice.Tests.Browser;
using static Microsoft.Playwright.Assertions;

namespace Sluice.Tests.Punches.Timesheets;

/// <summary>HR's timesheet page in a real browser: choose, read the table in Portuguese, download the CSV; sign-in and bad input.</summary>
public sealed class TimesheetPageBrowserTests : BrowserGatewayTest
{
    private const string Code = "7001";

    protected override void Configure(IDictionary<string, string?> settings)
    {
        settings["Punches:MaxOfflineAge"] = "3650.00:00:00";
        settings["Punches:DeveloperDocument"] = "45723174000110";
    }

    [Fact]
    public async Task HR_picks_an_establishment_an_employee_and_a_period_and_reads_the_days_in_Portuguese_with_the_CSV_to_download()
    {
        await Gateway.RegisterEmployeesAsync(Code);
        foreach (var at in new[] { "2026-11-02T08:00:00-03:00", "2026-11-02T12:00:00-03:00", "2026-11-02T13:00:00-03:00", "2026-11-02T17:30:00-03:00", "2026-11-03T08:00:00-03:00" })
        {
            using var punched = await Gateway.Client.PostAsJsonAsync("/api/punches", new { employeeId = Code, punchedAt = at, offline = true, collector = "device" });
            Assert.Equal(HttpStatusCode.Accepted, punched.StatusCode);
        }

        var establishment = await Gateway.EstablishmentAsync();
        var employee = await EmployeeIdAsync(establishment);
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 800 }, AcceptDownloads = true, Locale = "pt-BR" });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/dashboard/timesheets").ToString() + "#token=" + Uri.EscapeDataString(TestCredentials.Token(SluiceRoles.Hr)));

        await Expect(page.Locator("h1", new() { HasText = "Horas trabalhadas" })).ToBeVisibleAsync();
        await page.Locator("select[name=establishment]").SelectOptionAsync(establishment.ToString());
        // Choosing the establishment brings its employees, by name with their code.
        await Expect(page.Locator($"select[name=employee] option[value=\"{employee}\"]")).ToHaveTextAsync($"Employee {Code} ({Code})");
        await page.Locator("select[name=employee]").SelectOptionAsync(employee.ToString());
        await page.Locator("input[name=from]").FillAsync("2026-11-02");
        await page.Locator("input[name=to]").FillAsync("2026-11-04");
        await page.Locator("#timesheet-form button").ClickAsync();

        var rows = page.Locator("#timesheet tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.Nth(0).Locator("td")).ToHaveTextAsync(["02/11/2026", "seg", "08:00–12:00, 13:00–17:30", "8:30", "—", ""]);
        await Expect(rows.Nth(1).Locator("td")).ToHaveTextAsync(["03/11/2026", "ter", "08:00–?", "—", "—", "falta marcação: 08:00 sem par"]);
        await Expect(rows.Nth(1)).ToHaveClassAsync("flagged");
        await Expect(rows.Nth(2).Locator("td")).ToHaveTextAsync(["04/11/2026", "qua", "—", "—", "—", ""]);
        await Expect(page.Locator("#timesheet tfoot")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("Total do período\\s*8:30\\s*0:00\\s*1 dia com marcação faltando"));
        await Expect(page.Locator("#sheet-title")).ToHaveTextAsync($"Employee {Code}");
        await Expect(page.Locator("#content .detail").First).ToContainTextAsync($"Matrícula {Code} · CPF ");
        // The choice is in the address, so a reload or a shared link shows the same timesheet.
        Assert.Contains($"?establishment={establishment}&employee={employee}&from=2026-11-02&to=2026-11-04", page.Url, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("hr-timesheet.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a", new() { HasText = "Baixar CSV" }).ClickAsync());
        Assert.Equal($"horas-{Code}-2026-11-02-2026-11-04.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("2026-11-02", csv, StringComparison.Ordinal);
        Assert.Contains("510", csv, StringComparison.Ordinal);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task Without_a_token_the_page_asks_for_one_and_a_wrong_date_is_named_not_shown_as_a_table()
    {
        var page = await Browser.NewPageAsync();
        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/dashboard/timesheets").ToString());
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#content")).ToBeHiddenAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("hr-timesheet-sign-in.png"), FullPage = true });

        await page.Locator("#sign-in-token").FillAsync(TestCredentials.Token(SluiceRoles.Hr));
        await page.Locator("#sign-in button").ClickAsync();
        await Expect(page.Locator("select[name=establishment]")).ToBeVisibleAsync();

        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/dashboard/timesheets?from=2026-13-01").ToString());
        await Expect(page.Locator("#problem")).ToContainTextAsync("from: Use a date as yyyy-MM-dd");

        // The view itself: no credential 401, a device's key 403 (people with the read role only), bad ids named.
        using var anonymous = new HttpClient { BaseAddress = Gateway.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/dashboard/timesheets/view")).StatusCode);
        using var bad = await Gateway.Client.GetAsync("/dashboard/timesheets/view?establishment=nope&to=2026-02-30");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("establishment", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
    }

    private async Task<Guid> EmployeeIdAsync(Guid establishment) =>
        (await Gateway.Client.GetFromJsonAsync<JsonElement[]>($"/api/establishments/{establishment}/employees"))!
            .Single(e => e.GetProperty("code").GetString() == Code).GetProperty("id").GetGuid();
}
