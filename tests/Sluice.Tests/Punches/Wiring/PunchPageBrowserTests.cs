using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Sluice.Punches.Receipts;
using Sluice.Punches.Registry;
using Sluice.Tests.Browser;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Wiring;

/// <summary>An employee punches on the web page in a real (Debian) Chromium, headless.</summary>
public sealed class PunchPageBrowserTests : BrowserGatewayTest
{
    [Fact]
    public async Task An_employee_punches_with_CPF_and_web_PIN_and_sees_the_receipt_while_a_wrong_PIN_shows_the_error_and_stores_nothing()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var created = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees",
            new EmployeeRequest("9001", "Joana Prado", "529.982.247-25", null, "2468", null));
        created.EnsureSuccessStatusCode();
        var page = await Browser.NewPageAsync();

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

    [Fact]
    public async Task On_a_phone_the_worker_punches_then_opens_the_receipt_from_the_success_screen_with_no_credentials_and_sees_every_Art_79_field()
    {
        var establishment = await Gateway.EstablishmentAsync();
        var created = await Gateway.Client.PostAsJsonAsync($"/api/establishments/{establishment}/employees",
            new EmployeeRequest("9002", "Joana Prado", "529.982.247-25", null, "2468", null));
        var employee = (await created.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<EmployeeView>())!;
        // The browser never had a Sluice credential: nothing but the signed link can open the receipt.
        var page = await Browser.NewPageAsync(new() { ViewportSize = new() { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true });

        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/punch").ToString());
        await page.FillAsync("input[name=employee]", "529.982.247-25");
        await page.FillAsync("input[name=pin]", "2468");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("punch-form-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrar ponto" }).ClickAsync();
        await page.GetByText("Ponto registrado", new() { Exact = true }).First.WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("punch-success-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = "Comprovante para imprimir" }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains(ReceiptLinks.PathPrefix, StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Heading, new() { Name = "Comprovante de Registro de Ponto do Trabalhador" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("worker-receipt-phone.png"), FullPage = true });

        var receipt = Assert.Single((await Gateway.Client.GetFromJsonAsync<PunchReceiptView[]>($"/api/employees/{employee.Id}/receipts"))!);
        var local = TimeZoneInfo.ConvertTime(receipt.PunchedAt, TimeZoneInfo.FindSystemTimeZoneById("America/Sao_Paulo"));
        var shown = await page.Locator("dl").InnerTextAsync();
        Assert.Contains(receipt.Nsr.ToString("000000000", CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
        Assert.Contains("Sluice Test Ltda", shown, StringComparison.Ordinal);
        Assert.Contains("11.222.333/0001-81", shown, StringComparison.Ordinal);
        Assert.Contains("Joana Prado", shown, StringComparison.Ordinal);
        Assert.Contains("529.982.247-25", shown, StringComparison.Ordinal);
        Assert.Contains(local.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), shown, StringComparison.Ordinal);
        Assert.Contains(local.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " (UTC-03:00)", shown, StringComparison.Ordinal);
        Assert.Contains(PunchRegistry.InpiNumber, shown, StringComparison.Ordinal);
        Assert.Contains(receipt.Hash, shown, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}$", receipt.Hash);
        if (await PlaceOfWorkAsync(establishment) is { } place)
        {
            Assert.Contains(place, shown, StringComparison.Ordinal);
        }

        // Back on the form, the same CPF and PIN list the receipts of the last 48 hours, each opening the receipt.
        await page.GotoAsync(new Uri(Gateway.BaseAddress, "/punch").ToString());
        await page.FillAsync("input[name=employee]", "529.982.247-25");
        await page.FillAsync("input[name=pin]", "2468");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ver meus comprovantes" }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Meus comprovantes" }).WaitForAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("worker-receipts-phone.png"), FullPage = true });
        await page.GetByRole(AriaRole.Link, new() { Name = local.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture) }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Comprovante de Registro de Ponto do Trabalhador" }).WaitForAsync();
        Assert.Contains(receipt.Hash, await page.Locator("dl").InnerTextAsync(), StringComparison.Ordinal);

        // The same browser is refused the staff API's receipt: it carries no credential.
        var staff = await page.GotoAsync(new Uri(Gateway.BaseAddress, $"/api/punches/{receipt.PunchId}/receipt").ToString());
        Assert.Equal(401, staff!.Status);
    }

    /// <summary>
    /// The establishment's place of work when it has one (Art. 79 asks for it when the work is elsewhere). The field
    /// is being added to establishments; until then none has it and the receipt shows none.
    /// </summary>
    private async Task<string?> PlaceOfWorkAsync(Guid establishment)
    {
        using var view = JsonDocument.Parse(await Gateway.Client.GetStringAsync($"/api/establishments/{establishment}"));
        return view.RootElement.EnumerateObject()
            .Where(p => p.Name.Contains("place", StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.String)
            .Select(p => p.Value.GetString())
            .FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
    }
}
