using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Sluice.Security;

/// <summary>Mints tokens signed with the local key (<c>Security:Jwt:SigningKey</c>): for development, tests and <c>sluice token</c>.</summary>
public static class SluiceTokens
{
    public static SymmetricSecurityKey KeyFrom(string signingKey) => new(Encoding.UTF8.GetBytes(signingKey));

    public static string Mint(
        string signingKey, string issuer, string audience, string subject, IEnumerable<string> roles, DateTimeOffset now, TimeSpan lifetime)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + lifetime).UtcDateTime,
            Subject = new ClaimsIdentity([new Claim("sub", subject), .. roles.Select(r => new Claim("role", r))]),
            SigningCredentials = new SigningCredentials(KeyFrom(signingKey), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
