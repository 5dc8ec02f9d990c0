using System.Security.Claims;

namespace Sluice.Security;

/// <summary>
/// What a caller may act for. An API key scoped to an establishment may only send data for that establishment;
/// people and unscoped keys may act for any. Intake that knows a record's establishment refuses the others with 403.
/// </summary>
public static class CallerScope
{
    /// <summary>The establishment the caller is limited to; null when it is not limited.</summary>
    public static string? Establishment(this ClaimsPrincipal user) => user.FindFirst(SluiceClaims.Establishment)?.Value;

    /// <summary>Whether the caller may send data for <paramref name="establishmentId"/> (ids compare ignoring case, as GUIDs do).</summary>
    public static bool MayActFor(this ClaimsPrincipal user, string? establishmentId) =>
        user.Establishment() is not { } scope || string.Equals(scope, establishmentId?.Trim(), StringComparison.OrdinalIgnoreCase);
}
