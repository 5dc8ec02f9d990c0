using System.ComponentModel.DataAnnotations;

namespace Sluice.Security;

/// <summary>
/// How people's tokens are checked: against an identity provider (<see cref="Authority"/>, which publishes its
/// signing keys), or against a local symmetric key (<see cref="SigningKey"/>) for development, tests and small
/// sites that mint their own tokens with <c>sluice token</c>. Sluice does not start with neither.
/// </summary>
public sealed class JwtOptions : IValidatableObject
{
    public const string Section = "Security:Jwt";
    public const int MinSigningKeyLength = 32;

    /// <summary>The identity provider's URL (OpenID Connect discovery), e.g. <c>https://login.example.com/realms/hr</c>.</summary>
    public string? Authority { get; set; }

    /// <summary>A local HMAC-SHA256 key, at least 32 characters. Keep it out of source control outside development.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The <c>aud</c> tokens must carry.</summary>
    [Required]
    public string Audience { get; set; } = "sluice";

    /// <summary>The <c>iss</c> tokens signed with <see cref="SigningKey"/> must carry (with an authority, its own issuer applies).</summary>
    [Required]
    public string Issuer { get; set; } = "sluice";

    /// <summary>The claim holding roles: <c>role</c> (Sluice's own tokens) or e.g. <c>roles</c> (Entra ID).</summary>
    [Required]
    public string RoleClaim { get; set; } = "role";

    /// <summary>Refuse an authority over plain HTTP (only turn off for a test identity provider on loopback).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Authority) && string.IsNullOrEmpty(SigningKey))
        {
            yield return new ValidationResult(
                "Security:Jwt: set Authority (your identity provider) or SigningKey (a local key of at least " +
                $"{MinSigningKeyLength} characters); without either nobody could sign in.",
                [nameof(Authority), nameof(SigningKey)]);
        }

        if (!string.IsNullOrEmpty(SigningKey) && SigningKey.Length < MinSigningKeyLength)
        {
            yield return new ValidationResult(
                $"Security:Jwt:SigningKey must be at least {MinSigningKeyLength} characters (256 bits).", [nameof(SigningKey)]);
        }

        if (!string.IsNullOrWhiteSpace(Authority) && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Security:Jwt:Authority must be an absolute URL.", [nameof(Authority)]);
        }
    }
}
