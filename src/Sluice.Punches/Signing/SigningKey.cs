using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace Sluice.Punches.Signing;

/// <summary>
/// The configured signing certificate, read once (the settings were checked at start). Each signature asks
/// <see cref="TryGet"/> again, because a certificate valid at start can expire while Sluice runs.
/// </summary>
/// <remarks>
/// Reads the settings through <see cref="IOptionsMonitor{TOptions}"/>, whose value was validated and cached at start:
/// <c>IOptions.Value</c> would validate again at first use, and a certificate that expired since would throw (a 500)
/// instead of answering the 503 that says so.
/// </remarks>
internal sealed partial class SigningKey(IOptionsMonitor<SigningOptions> options, TimeProvider time, ILogger<SigningKey> logger) : IDisposable
{
    private readonly Lazy<X509Certificate2?> _certificate = new(() => Load(options.CurrentValue, logger));

    /// <summary>The certificate, whether or not it is valid now; null when none is configured.</summary>
    public X509Certificate2? Certificate => _certificate.Value;

    /// <summary>The certificate when it may sign now; otherwise the reason, for a 503 problem.</summary>
    public bool TryGet(out X509Certificate2 certificate, out SigningUnavailable? unavailable)
    {
        certificate = null!;
        if (Certificate is not { } configured)
        {
            unavailable = options.CurrentValue.IsConfigured ? SigningUnavailable.Unreadable : SigningUnavailable.NotConfigured;
            return false;
        }

        if (CertificateValidity.Problem(configured, time.GetUtcNow()) is { } invalid)
        {
            // An operator must hear of this before the next auditor does: every refusal is logged.
            Log.Refused(logger, invalid);
            unavailable = new SigningUnavailable(invalid);
            return false;
        }

        certificate = configured;
        unavailable = null;
        return true;
    }

    private static X509Certificate2? Load(SigningOptions configured, ILogger logger)
    {
        if (!configured.IsConfigured)
        {
            return null;
        }

        // Checked at start; read again here, so a file removed or replaced since is an error in the log, not a silence.
        var certificate = CertificateFiles.Load(configured, out var problems);
        if (certificate is null)
        {
            Log.Unreadable(logger, string.Join(" ", problems));
            return null;
        }

        if (logger.IsEnabled(LogLevel.Information))
        {
#pragma warning disable CA1873 // guarded by IsEnabled above; the analyzer misses guards around [LoggerMessage] calls (dotnet/sdk#50893)
            Log.Loaded(logger, certificate.Subject, certificate.Issuer, certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256),
                certificate.NotAfter.ToUniversalTime());
#pragma warning restore CA1873
        }

        return certificate;
    }

    public void Dispose()
    {
        if (_certificate.IsValueCreated)
        {
            _certificate.Value?.Dispose();
        }
    }
}

/// <summary>Why nothing can be signed now.</summary>
internal sealed record SigningUnavailable(string Reason)
{
    public static readonly SigningUnavailable NotConfigured = new("no signing certificate is configured");

    public static readonly SigningUnavailable Unreadable = new("the configured signing certificate can no longer be read (see the log)");
}
