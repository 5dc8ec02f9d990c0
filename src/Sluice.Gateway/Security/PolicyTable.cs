using System.Globalization;
using System.Security.Claims;
using System.Text;

namespace Sluice.Security;

/// <summary>
/// Who each policy admits: the one table the policies are built from (<see cref="SecuritySetup"/>), the
/// authorization-matrix test checks every endpoint against, and the README's policy table must equal
/// (<see cref="Markdown"/>; a test compares them).
/// </summary>
public static class PolicyTable
{
    /// <summary>One policy: the roles people need for it, and the API key kinds that may use it.</summary>
    public sealed record Row(string Policy, string Purpose, IReadOnlyList<string> Roles, IReadOnlyList<string> KeyKinds);

    public static readonly IReadOnlyList<Row> Rows =
    [
        new(SluicePolicies.Intake, "send punches in", [SluiceRoles.Admin, SluiceRoles.Hr], [ApiKeyKinds.Device, ApiKeyKinds.App]),
        // Orders are money, not time: a punch clock's key or the HR role placing one is a stolen credential or a mistake.
        new(SluicePolicies.Orders, "place orders", [SluiceRoles.Admin], [ApiKeyKinds.Orders]),
        new(SluicePolicies.Read, "read punches, orders, reports, delivery state, metrics", [SluiceRoles.Admin, SluiceRoles.Hr, SluiceRoles.Auditor], []),
        new(SluicePolicies.Registry, "keep the employee register", [SluiceRoles.Admin, SluiceRoles.Hr], [ApiKeyKinds.App]),
        new(SluicePolicies.Manage, "API keys, establishments, devices, dead letters, destinations", [SluiceRoles.Admin], []),
    ];

    public static Row For(string policy) => Rows.Single(r => r.Policy == policy);

    /// <summary>An API key by its kind, a person by any of their roles; a key never counts as a person.</summary>
    public static bool Admits(Row row, ClaimsPrincipal user) =>
        user.FindFirst(SluiceClaims.KeyKind)?.Value is { } kind
            ? row.KeyKinds.Contains(kind)
            : row.Roles.Any(user.IsInRole);

    /// <summary>The README's policy table, exactly.</summary>
    public static string Markdown()
    {
        var table = new StringBuilder()
            .Append("| policy | for | people with the role | API keys of the kind |\n")
            .Append("|---|---|---|---|\n");
        foreach (var row in Rows)
        {
            table.Append(CultureInfo.InvariantCulture, $"| `{row.Policy}` | {row.Purpose} | {List(row.Roles)} | {List(row.KeyKinds)} |\n");
        }

        return table.ToString();
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names.Select(n => $"`{n}`"));
}
