using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Sluice.Punches.Receipts;
using Sluice.Testing;

namespace Sluice.Tests.Punches.Signing;

/// <summary>The receipt as a signed PDF, checked by poppler's pdfsig and read back with pdftotext.</summary>
public sealed class SignedReceiptTests : IDisposable
{
    private readonly TestSigningCa _ca = new();

    private static string PdfSig => ExternalTool.Require("pdfsig", "poppler-utils");
    private static string PdfFonts => ExternalTool.Require("pdffonts", "poppler-utils");
    private static string PdfToText => ExternalTool.Require("pdftotext", "poppler-utils");

    public void Dispose() => _ca.Dispose();

    private static async Task<HttpResponseMessage> GetPdfAsync(HttpClient client, Guid punch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/punches/{punch}/receipt");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        return await client.SendAsync(request);
    }

    [Fact]
    public async Task The_receipt_PDF_is_signed_over_the_whole_file_and_shows_every_Art_79_field()
    {
        var settings = TestGateway.Defaults(null);
        _ca.Configure(settings);
        await using var gateway = await TestGateway.StartAsync(settings);
        await gateway.RegisterEmployeesAsync("3101");
        using var punched = await gateway.PostPunchAsync("3101");
        var punch = (await punched.Content.ReadFromJsonAsync<Sluice.Punches.PunchReceipt>())!;
        var receipt = (await gateway.Client.GetFromJsonAsync<PunchReceiptView>($"/api/punches/{punch.Id}/receipt"))!;

        using var response = await GetPdfAsync(gateway.Client, punch.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var file = _ca.Folder.File("receipt.pdf");
        await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
        // -nocert: the test CA is in no trust store pdfsig reads; the signature and the byte range are still checked.
        var checkedSignature = await ExternalTool.RunAsync(PdfSig, "-nocert", file);
        Assert.True(checkedSignature.ExitCode == 0, checkedSignature.Output);
        Assert.Contains("Signature Validation: Signature is Valid.", checkedSignature.Output, StringComparison.Ordinal);
        Assert.Contains("Total document signed", checkedSignature.Output, StringComparison.Ordinal);
        Assert.Contains("Hash Algorithm: SHA-256", checkedSignature.Output, StringComparison.Ordinal);

        // Every font embedded: the receipt reads the same on a phone with no fonts of its own.
        var fonts = (await ExternalTool.RunAsync(PdfFonts, file)).Output.Split('\n').Skip(2).Where(l => l.Length > 0).ToList();
        Assert.NotEmpty(fonts);
        Assert.All(fonts, font => Assert.Matches(@"\s+yes\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$", font));

        var text = (await ExternalTool.RunAsync(PdfToText, "-layout", file, "-")).Output;
        Assert.Contains("Comprovante de Registro de Ponto do Trabalhador", text, StringComparison.Ordinal);
        Assert.Contains(punch.Nsr.ToString("000000000", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(receipt.Hash, text, StringComparison.Ordinal);
        Assert.Contains(receipt.EmployerName, text, StringComparison.Ordinal);
        Assert.Contains(Sluice.Punches.Pages.DocumentFormat.Punctuate(receipt.EmployerDocument), text, StringComparison.Ordinal);
        Assert.Contains(receipt.WorkerName, text, StringComparison.Ordinal);
        Assert.Contains(Sluice.Punches.Pages.DocumentFormat.Punctuate(receipt.WorkerCpf), text, StringComparison.Ordinal);
        Assert.Contains(receipt.PunchedAt.ToString("dd/MM/yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)[..10], text, StringComparison.Ordinal);
        Assert.Contains(receipt.PunchedAt.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains(receipt.InpiNumber, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workers_receipt_link_gives_the_signed_PDF_by_Accept_and_by_the_pdf_link_on_its_page()
    {
        var settings = TestGateway.Defaults(null);
        _ca.Configure(settings);
        await using var gateway = await TestGateway.StartAsync(settings);
        var establishment = await gateway.EstablishmentAsync();
        using (var imported = await gateway.Client.PostAsync($"/api/establishments/{establishment}/employees/import",
            new StringContent("code,name,cpf,webPin\n3401,Joana Prado,529.982.247-25,2468\n", System.Text.Encoding.UTF8, "text/csv")))
        {
            imported.EnsureSuccessStatusCode();
        }

        // The worker punches on /punch with no Sluice credential; the success screen carries the receipt link.
        using var punched = await gateway.AnonymousClient.PostAsync(Sluice.Punches.Pages.PunchPages.FormPath, new FormUrlEncodedContent(
            new Dictionary<string, string> { ["employee"] = "529.982.247-25", ["pin"] = "2468" }));
        var success = await punched.Content.ReadAsStringAsync();
        var link = System.Text.RegularExpressions.Regex.Match(success, "href=\"(/punch/receipts/[^\"]+)\"").Groups[1].Value;
        Assert.StartsWith(ReceiptLinks.PathPrefix, link, StringComparison.Ordinal);
        var hash = System.Text.RegularExpressions.Regex.Match(success, "[0-9a-f]{64}").Value;

        using var byAccept = new HttpRequestMessage(HttpMethod.Get, link);
        byAccept.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        using var accepted = await gateway.AnonymousClient.SendAsync(byAccept);
        var page = await gateway.AnonymousClient.GetStringAsync(link);
        var pdfLink = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/punch/receipts/[^\"]+\\.pdf)\"").Groups[1].Value;
        Assert.Equal(link + ".pdf", pdfLink);
        using var byLink = await gateway.AnonymousClient.GetAsync(pdfLink);

        foreach (var (name, response) in new[] { ("accept.pdf", accepted), ("link.pdf", byLink) })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.CacheControl?.NoStore);
            var file = _ca.Folder.File(name);
            await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
            var checkedSignature = await ExternalTool.RunAsync(PdfSig, "-nocert", file);
            Assert.Contains("Signature Validation: Signature is Valid.", checkedSignature.Output, StringComparison.Ordinal);
            Assert.Contains("Total document signed", checkedSignature.Output, StringComparison.Ordinal);
            var text = (await ExternalTool.RunAsync(PdfToText, "-layout", file, "-")).Output;
            Assert.Contains("Joana Prado", text, StringComparison.Ordinal);
            Assert.Contains(hash, text, StringComparison.Ordinal);
        }

        // A forged token gets no PDF, signed or not.
        using var forged = await gateway.AnonymousClient.GetAsync(ReceiptLinks.PathPrefix + new string('A', link.Length - ReceiptLinks.PathPrefix.Length) + ".pdf");
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }

    [Fact]
    public async Task A_changed_byte_in_the_receipt_PDF_breaks_its_signature()
    {
        var settings = TestGateway.Defaults(null);
        _ca.Configure(settings);
        await using var gateway = await TestGateway.StartAsync(settings);
        await gateway.RegisterEmployeesAsync("3201");
        using var punched = await gateway.PostPunchAsync("3201");
        var punch = (await punched.Content.ReadFromJsonAsync<Sluice.Punches.PunchReceipt>())!;
        using var response = await GetPdfAsync(gateway.Client, punch.Id);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // A byte of the document's title in its information dictionary: a receipt edited after it was signed.
        var at = System.Text.Encoding.Latin1.GetString(pdf).IndexOf("/Title", StringComparison.Ordinal);
        Assert.True(at > 0);
        pdf[at + 9] ^= 0x01;
        var file = _ca.Folder.File("tampered.pdf");
        await File.WriteAllBytesAsync(file, pdf);

        var checkedSignature = await ExternalTool.RunAsync(PdfSig, "-nocert", file);

        Assert.DoesNotContain("Signature Validation: Signature is Valid.", checkedSignature.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_certificate_the_receipt_PDF_is_a_problem_never_an_unsigned_PDF()
    {
        await using var gateway = await TestGateway.StartAsync(TestGateway.Defaults(null));
        await gateway.RegisterEmployeesAsync("3301");
        using var punched = await gateway.PostPunchAsync("3301");
        var punch = (await punched.Content.ReadFromJsonAsync<Sluice.Punches.PunchReceipt>())!;

        using var response = await GetPdfAsync(gateway.Client, punch.Id);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
