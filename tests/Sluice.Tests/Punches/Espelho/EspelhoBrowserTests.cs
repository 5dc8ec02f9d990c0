using System.Diagnostics.CodeAnalysis;
using Microsoft.Playwright;
using Sluice.Punches.Treatment;
using Sluice.Tests.Browser;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Espelho;

/// <summary>The worker sees their Espelho on /punch in a real (Debian) Chromium, headless, on a phone-sized screen.</summary>
[SuppressMessage("Design", "CA1001", Justification = "xUnit calls IAsyncLifetime.DisposeAsync, which disposes it; the rule does not know that interface.")]
public sealed class EspelhoBrowserTests : BrowserGatewayTest
{
    private const string Code = "7101";
    private const string WebPin = "2468";
    private readonly TempFolder _folder = new();

    private static string PdfToText => ExternalTool.Require("pdftotext", "poppler-utils");

    protected override void Configure(IDictionary<string, string?> settings) => settings["Punches:MaxOfflineAge"] = "3650.00:00:00";

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_worker_signs_in_with_CPF_and_web_PIN_opens_their_Espelho_for_a_month_sees_its_days_and_totals_and_downloads_the_PDF()
    {
        var (employee, duplicate) = await EspelhoMonth.NovemberAsync(Gateway, Code, WebPin);
        await EspelhoMonth.TreatAsync(Gateway, employee, new TreatmentRequest("included", "2026-11-02T13:00:00-03:00", null, "Esqueceu de marcar a volta do almoço"));
        await EspelhoMonth.TreatAsync(Gateway, employee, new TreatmentRequest("disregarded", null, duplicate, "Marcação em duplicidade"));
        var cpf = Sluice.Punches.Pages.DocumentFormat.Punctuate(PunchRegistry.CpfFor(Code));
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true, AcceptDownloads = true });

        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/punch").ToString());
        await page.FillAsync("input[name=employee]", cpf);
        await page.FillAsync("input[name=pin]", WebPin);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver meu espelho de ponto" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Espelho de Ponto" }).WaitForAsync();
        // The PIN went in a POST; what the browser holds now is the short-lived link, never the PIN.
        Assert.Contains("/punch/espelho/", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain(WebPin, page.Url, StringComparison.Ordinal);

        await page.FillAsync("input[name=month]", "2026-11");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver mês" }).ClickAsync();
        await page.Locator("dd", new() { HasText = "01/11/2026 a 30/11/2026" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("worker-espelho-phone.png"), FullPage = true });

        Assert.Equal(30, await page.Locator("table.espelho tbody tr").CountAsync());
        var monday = await page.Locator("tr[data-date='2026-11-02']").InnerTextAsync();
        foreach (var expected in new[] { "08:00", "12:00", "13:00(I)", "17:00", "incluída: Esqueceu de marcar a volta do almoço", "8:00" })
        {
            Assert.Contains(expected, monday, StringComparison.Ordinal);
        }

        Assert.Contains("12:01", await page.Locator("tr[data-date='2026-11-02'] s.disregarded").InnerTextAsync(), StringComparison.Ordinal);
        var night = await page.Locator("tr[data-date='2026-11-03']").InnerTextAsync();
        Assert.Contains("05:00+1", night, StringComparison.Ordinal);
        Assert.Contains("noturno 7:00 → 8:00", night, StringComparison.Ordinal);
        var totals = await page.Locator("tr.totals").InnerTextAsync();
        Assert.Contains("2 dia(s) trabalhado(s)", totals, StringComparison.Ordinal);
        Assert.Contains("15:00", totals, StringComparison.Ordinal);
        Assert.Contains("16:00", totals, StringComparison.Ordinal);
        var header = await page.Locator("section.card dl").InnerTextAsync();
        Assert.Contains("Joana Prado", header, StringComparison.Ordinal);
        Assert.Contains(cpf, header, StringComparison.Ordinal);
        Assert.Contains("Auxiliar administrativo", header, StringComparison.Ordinal);
        Assert.Contains("01/03/2024", header, StringComparison.Ordinal);

        // The download from a desktop window opened on the same link: Playwright raises no download event under mobile
        // emulation. It also shows the link alone, without the sign-in, opens the month.
        var desktop = await Browser.NewPageAsync(new() { AcceptDownloads = true });
        await desktop.GotoAsync(page.Url);
        var download = await desktop.RunAndWaitForDownloadAsync(() => desktop.GetByRole(AriaRole.Link, new() { Name = "Baixar PDF" }).ClickAsync());
        Assert.Equal($"espelho-{Code}-2026-11-01-2026-11-30.pdf", download.SuggestedFilename);
        var file = _folder.File("espelho.pdf");
        await download.SaveAsAsync(file);
        var text = (await ExternalTool.RunAsync(PdfToText, "-layout", file, "-")).Output;
        Assert.Contains("Espelho de Ponto", text, StringComparison.Ordinal);
        Assert.Contains("01/11/2026 a 30/11/2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_PIN_shows_the_error_and_no_Espelho()
    {
        await EspelhoMonth.NovemberAsync(Gateway, Code, WebPin);
        var page = await Browser.NewPageAsync();

        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/punch").ToString());
        await page.FillAsync("input[name=employee]", PunchRegistry.CpfFor(Code));
        await page.FillAsync("input[name=pin]", "1111");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver meu espelho de ponto" }).ClickAsync();
        await page.GetByText("CPF, matrícula ou PIN incorretos.").WaitForAsync();

        Assert.DoesNotContain("/punch/espelho/", page.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("Joana Prado", await page.ContentAsync(), StringComparison.Ordinal);
    }
}
