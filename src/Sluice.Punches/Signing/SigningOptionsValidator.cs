using Microsoft.Extensions.Options;

namespace Sluice.Punches.Signing;

/// <summary>
/// Reads the certificate at start, so an unreadable file, a wrong password or a certificate outside its validity stops
/// Sluice with exit 2 and a line naming the setting, rather than surfacing at the first signature an auditor asks for.
/// </summary>
internal sealed class SigningOptionsValidator(TimeProvider time) : IValidateOptions<SigningOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        using var certificate = CertificateFiles.Load(options, out var problems);
        if (certificate is not null && CertificateValidity.Problem(certificate, time.GetUtcNow()) is { } invalid)
        {
            var setting = options.UsesPkcs12 ? "CertificatePath" : "CertificatePemPath";
            problems.Add($"{SigningOptions.SectionName}:{setting}: {invalid}; Sluice does not sign with it.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
