using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Sluice.Punches.Pages;

namespace Sluice.Tests.Punches.Pages;

public sealed class PunchPagesTests
{
    private const string Hostile = "<img src=x onerror=alert(1)>\"'&";

    /// <summary>What HtmlRenderer needs: logging, nothing of the gateway.</summary>
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private static PunchReceiptModel Receipt() => new(
        42, "Padaria São João Ltda", "12345678000195", null, null, "Ana Conceição", "52998224725",
        new DateTimeOffset(2026, 11, 2, 8, 0, 59, TimeSpan.FromHours(-3)), "BR512021000123-4",
        "903b49fa2746f9f8daec8749a8b9aafa16430c5f650a933ad1f94b54b21155bd", "/api/punches/7f1c/receipt");

    [Fact]
    public async Task Form_is_a_phone_page_posting_employee_and_pin()
    {
        var page = await PunchPages.FormAsync(Services, new PunchFormModel(Antiforgery: ("__RequestVerificationToken", "tok\"en")));

        AssertSelfContained(page);
        Assert.Contains("<html lang=\"pt-BR\">", page, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">", page, StringComparison.Ordinal);
        Assert.Contains("<form class=\"card\" method=\"post\" action=\"/punch\">", page, StringComparison.Ordinal);
        Assert.Contains("name=\"employee\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"pin\" type=\"password\"", page, StringComparison.Ordinal);
        Assert.Contains("CPF ou matrícula", page, StringComparison.Ordinal);
        Assert.Contains("<button type=\"submit\">Registrar ponto</button>", page, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\" value=\"tok&quot;en\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_screen_shows_every_Art_79_field()
    {
        var page = await PunchPages.SuccessAsync(Services, Receipt());

        AssertSelfContained(page);
        Assert.Contains("Ponto registrado", page, StringComparison.Ordinal);
        Assert.Contains(PunchPages.ReceiptTitle, page, StringComparison.Ordinal);
        Assert.Equal("Comprovante de Registro de Ponto do Trabalhador", PunchPages.ReceiptTitle);
        Assert.Contains("<dt>NSR</dt><dd>000000042</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Empregador</dt><dd>Padaria São João Ltda</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>CNPJ</dt><dd>12.345.678/0001-95</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Trabalhador</dt><dd>Ana Conceição</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>CPF do trabalhador</dt><dd>529.982.247-25</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Data</dt><dd>02/11/2026</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Hora</dt><dd>08:00:59 (UTC-03:00)</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Registro no INPI</dt><dd>BR512021000123-4</dd>", page, StringComparison.Ordinal);
        Assert.Contains("903b49fa2746f9f8daec8749a8b9aafa16430c5f650a933ad1f94b54b21155bd", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/api/punches/7f1c/receipt\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/punch\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("CNO/CAEPF", page, StringComparison.Ordinal); // absent optional fields are left out
    }

    [Fact]
    public async Task Printable_receipt_has_the_title_and_the_optional_fields_when_present()
    {
        var page = await PunchPages.ReceiptAsync(Services, Receipt() with { EmployerDocument = "111.444.777-35", EmployerCnoOrCaepf = "123456789012", PlaceOfWork = "Obra Av. Paulista" });

        AssertSelfContained(page);
        Assert.Contains($"<title>{PunchPages.ReceiptTitle}</title>", page, StringComparison.Ordinal);
        Assert.Contains($"<h1>{PunchPages.ReceiptTitle}</h1>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>CPF</dt><dd>111.444.777-35</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>CNO/CAEPF</dt><dd>123456789012</dd>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>Local de prestação de serviço</dt><dd>Obra Av. Paulista</dd>", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Error_screen_says_what_was_wrong_and_offers_the_form_again_without_the_pin()
    {
        var page = await PunchPages.ErrorAsync(Services, new PunchErrorModel(["PIN incorreto.", "Funcionário não encontrado."], new PunchFormModel(Employee: "529.982.247-25")));

        AssertSelfContained(page);
        Assert.Contains("Ponto não registrado", page, StringComparison.Ordinal);
        Assert.Contains("<li>PIN incorreto.</li>", page, StringComparison.Ordinal);
        Assert.Contains("<li>Funcionário não encontrado.</li>", page, StringComparison.Ordinal);
        Assert.Contains("Nada foi gravado.", page, StringComparison.Ordinal);
        Assert.Contains("value=\"529.982.247-25\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"pin\" type=\"password\" value", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_value_is_html_encoded()
    {
        var hostile = Receipt() with { EmployerName = Hostile, WorkerName = Hostile, Inpi = Hostile, Hash = Hostile, ReceiptPath = "\"><script>x</script>" };
        var pages = new[]
        {
            await PunchPages.SuccessAsync(Services, hostile),
            await PunchPages.ReceiptAsync(Services, hostile),
            await PunchPages.ErrorAsync(Services, new PunchErrorModel([Hostile], new PunchFormModel(Employee: Hostile, Heading: Hostile))),
            await PunchPages.FormAsync(Services, new PunchFormModel(Employee: Hostile, Action: "\" onsubmit=\"x", Heading: Hostile)),
        };

        foreach (var page in pages)
        {
            Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", page, StringComparison.Ordinal);
            Assert.DoesNotContain("\" onsubmit=\"", page, StringComparison.Ordinal);
            Assert.Contains("&lt;", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Html_result_is_utf8_html_with_the_status_given()
    {
        var result = PunchPages.Html(await PunchPages.FormAsync(Services, new PunchFormModel()), StatusCodes.Status401Unauthorized);

        Assert.Equal("text/html; charset=utf-8", result.ContentType);
        Assert.Equal(401, result.StatusCode);
    }

    private static void AssertSelfContained(string page)
    {
        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("http://", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", page, StringComparison.OrdinalIgnoreCase);
    }
}
