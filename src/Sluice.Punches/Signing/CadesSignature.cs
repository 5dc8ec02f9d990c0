using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;

namespace Sluice.Punches.Signing;

/// <summary>
/// A detached CAdES-BES signature (CMS SignedData without the content) of a file, as Art. 87 asks for the AFD and
/// the AEJ: SHA-256, the signer named by issuer and serial number, the certificate included, and the two signed
/// attributes CAdES requires besides content type and digest: signing-time and signing-certificate-v2 (RFC 5035),
/// which binds the signature to this certificate so it cannot be passed off as another with the same key.
/// </summary>
internal static class CadesSignature
{
    public const string ContentType = "application/pkcs7-signature";
    public const string Extension = ".p7s";
    private const string SigningCertificateV2Oid = "1.2.840.113549.1.9.16.2.47";

    /// <summary>The DER-encoded signature of exactly <paramref name="content"/>.</summary>
    public static byte[] SignDetached(byte[] content, X509Certificate2 certificate, DateTimeOffset signingTime)
    {
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1", "sha256"),
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2Oid, SigningCertificateV2(certificate)));
        var cms = new SignedCms(new ContentInfo(content), detached: true);
        cms.ComputeSignature(signer, silent: true);
        return cms.Encode();
    }

    /// <summary>
    /// SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, one ESSCertIDv2 with the certificate's
    /// SHA-256 (the default hash, so its algorithm is omitted as DER requires) and its issuer and serial number.
    /// </summary>
    private static byte[] SigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
        {
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
            using (writer.PushSequence())
            {
                using (writer.PushSequence())
                using (writer.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
                {
                    // GeneralNames with one directoryName: the issuer's distinguished name as the certificate encodes it.
                    writer.WriteEncodedValue(certificate.IssuerName.RawData);
                }

                writer.WriteInteger(certificate.SerialNumberBytes.Span);
            }
        }

        return writer.Encode();
    }
}
