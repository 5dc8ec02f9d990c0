using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;
using Sluice.Punches.Signing;

namespace Sluice.Punches.Receipts;

/// <summary>
/// Signs the PDF's byte range with the same CMS as the AFD's <c>.p7s</c> (SHA-256, signing-certificate-v2, issuer and
/// serial), instead of PDFsharp's default signer, so every signed output of Sluice carries the same attributes.
/// </summary>
internal sealed class CadesPdfSigner(X509Certificate2 certificate, DateTimeOffset signingTime) : IDigitalSigner
{
    // Room for the CMS: the certificate, the attributes and the RSA/ECDSA signature, with a margin for longer chains of names.
    private readonly int _size = CadesSignature.SignDetached([0], certificate, signingTime).Length + 1024;

    public string CertificateName => certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    public Task<int> GetSignatureSizeAsync() => Task.FromResult(_size);

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // One read of the whole length: PDFsharp's ranged stream reads its ranges only for that call (a read in chunks
        // starts where the PDF writer left the file, at its end), and it throws when asked whether it can seek.
        var content = new byte[stream.Length];
        var read = stream.Read(content, 0, content.Length);
        if (read != content.Length)
        {
            throw new InvalidOperationException($"The PDF's signed ranges gave {read} bytes of {content.Length}.");
        }

        return Task.FromResult(CadesSignature.SignDetached(content, certificate, signingTime));
    }
}
