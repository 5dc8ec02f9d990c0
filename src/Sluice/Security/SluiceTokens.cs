using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sluice.Security;

/// <summary>Mints tokens signed with the local key (<c>Security:Jwt:SigningKey</c>): for development, tests and <c>sluice token</c>.</summary>
public static class SluiceTokens
{
    /// <summary>The claim <c>sluice token --cpf</c> writes: the default of <c>Punches:ResponsibleCpfClaim</c>.</summary>
    public const string CpfClaim = "cpf";

    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    /// <param name="cpf">The person's CPF, put in a <c>cpf</c> claim: the registry's legal records name who made each change.</param>
    public static string Mint(
        string signingKey, string issuer, string audience, string subject, IEnumerable<string> roles, DateTimeOffset now, TimeSpan lifetime,
        string? cpf = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity([
                new Claim("sub", subject), .. roles.Select(r => new Claim("role", r)), .. cpf is null ? [] : new[] { new Claim(CpfClaim, cpf) }]),
            SigningCredentials = new SigningCredentials(KeyFrom(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
