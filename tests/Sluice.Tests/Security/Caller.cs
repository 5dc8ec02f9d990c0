using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Security;

/// <summary>
/// Someone calling the API: nobody, a person with one role, or a device, app or orders program with an API key,
/// possibly limited to an establishment other than the one the request is about.
/// </summary>
public sealed record Caller(string Name, string? Role, string? KeyKind, bool ScopedElsewhere = false)
{
    public static readonly Caller Nobody = new("no credential", null, null);
    public static readonly Caller Admin = new("admin JWT", SluiceRoles.Admin, null);
    public static readonly Caller Hr = new("hr JWT", SluiceRoles.Hr, null);
    public static readonly Caller Auditor = new("auditor JWT", SluiceRoles.Auditor, null);
    public static readonly Caller Device = new("device API key", null, ApiKeyKinds.Device);
    public static readonly Caller App = new("app API key", null, ApiKeyKinds.App);
    public static readonly Caller Orders = new("orders API key", null, ApiKeyKinds.Orders);
    public static readonly Caller DeviceElsewhere = new("device API key of another establishment", null, ApiKeyKinds.Device, ScopedElsewhere: true);
    public static readonly Caller AppElsewhere = new("app API key of another establishment", null, ApiKeyKinds.App, ScopedElsewhere: true);

    /// <summary>Everyone with a credential.</summary>
    public static readonly IReadOnlyList<Caller> All = [Admin, Hr, Auditor, Device, App, Orders, DeviceElsewhere, AppElsewhere];

    /// <summary>Whether the policy table lets this caller through <paramref name="policy"/>.</summary>
    public bool AdmittedBy(string policy)
    {
        var row = PolicyTable.For(policy);
        return KeyKind is not null ? row.KeyKinds.Contains(KeyKind) : Role is not null && row.Roles.Contains(Role);
    }

    /// <param name="elsewhere">The establishment a scoped key is limited to (not the one requests are about).</param>
    public async Task<HttpClient> ClientAsync(TestGateway gateway, Guid? elsewhere = null) => (Role, KeyKind) switch
    {
        (not null, _) => gateway.CreateClient(roles: [Role]),
        (_, not null) => gateway.CreateClient(apiKey: await gateway.CreateApiKeyAsync(KeyKind, ScopedElsewhere ? elsewhere?.ToString() : null, Name)),
        _ => TestCredentials.Client(gateway.BaseAddress),
    };

    public override string ToString() => Name;
}
