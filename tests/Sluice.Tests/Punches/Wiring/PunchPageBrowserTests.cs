using System.Net.Http.Json;
using Microsoft.Playwright;
using Sluice.Punches.Registry;
using Sluice.Tests.Browser;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Wiring;

/// <summary>An employee punches on the web page in a real (Debian) Chromium, headless.</summary>
public sealed class PunchPageBrowserTests : LegacyGatewayTest
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        (_playwright, _browser) = await Chromium.LaunchAsync();
    }

    public override async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task An_employee_punches_with_CPF_and_web_PIN_and_sees_the_receipt_while_a_wrong_PIN_shows_the_error_and_stores_nothing()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var created = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees",
            new EmployeeRequest("9001", "Joana Prado", "529.982.247-25", null, "2468", null));
        created.EnsureSuccessStatusCode();
        var page = await _browser.NewPageAsync();

        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/punch").ToString());
        await page.FillAsync("input[name=employee]", "529.982.247-25");
        await page.FillAsync("input[name=pin]", "1111");
        await page.ClickAsync("button[type=submit]");
        await page.GetByText("Ponto não registrado").First.WaitForAsync();
        Assert.Equal(0, await JournalFile.CountMessagesAsync(Gateway.JournalPath));

        await page.FillAsync("input[name=employee]", "529.982.247-25");
        await page.FillAsync("input[name=pin]", "2468");
        await page.ClickAsync("button[type=submit]");
        await page.GetByText("Ponto registrado", new() { Exact = true }).First.WaitForAsync();

        var content = await page.ContentAsync();
        Assert.Contains("Comprovante de Registro de Ponto do Trabalhador", content, StringComparison.Ordinal);
        Assert.Contains("Joana Prado", content, StringComparison.Ordinal);
        Assert.Contains("529.982.247-25", content, StringComparison.Ordinal);
        Assert.Equal(1, await JournalFile.CountMessagesAsync(Gateway.JournalPath));
    }
}
