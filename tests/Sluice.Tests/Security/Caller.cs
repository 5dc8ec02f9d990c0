using Sluice.Security;
using Sluice.Testing;

namespace Sluice.Tests.Security;

/// <summary>Someone calling the API: a person with one role, or a device or app with an API key.</summary>
public sealed record Caller(string Name, string? Role, string? KeyKind)
{
    public static readonly Caller Admin = new("admin JWT", SluiceRoles.Admin, null);
    public static readonly Caller Hr = new("hr JWT", SluiceRoles.Hr, null);
    public static readonly Caller Auditor = new("auditor JWT", SluiceRoles.Auditor, null);
    public static readonly Caller Device = new("device API key", null, ApiKeyKinds.Device);
    public static readonly Caller App = new("app API key", null, ApiKeyKinds.App);

    public static readonly IReadOnlyList<Caller> All = [Admin, Hr, Auditor, Device, App];

    public async Task<HttpClient> ClientAsync(TestGateway gateway) => Role is not null
        ? gateway.CreateClient(roles: [Role])
        : gateway.CreateClient(apiKey: await gateway.CreateApiKeyAsync(KeyKind!, name: Name));

    public override string ToString() => Name;
}
