namespace Sluice.Security;

/// <summary>
/// The authorization policies, by audience. Every endpoint names one of these or is explicitly anonymous
/// (it has credentials of its own, or is public); the authorization matrix test fails on any other endpoint.
/// </summary>
public static class SluicePolicies
{
    /// <summary>Sending data in: devices and apps with an API key; people with the admin or hr role.</summary>
    public const string Intake = "intake";

    /// <summary>Placing orders: admins and order API keys; not punch clocks, not HR.</summary>
    public const string Orders = "orders";

    /// <summary>Reading punches, reports, delivery state and dead letters: hr, auditor, admin.</summary>
    public const string Read = "read";

    /// <summary>Keeping the employee register: hr and admin people, and app keys (an HR system feeding it).</summary>
    public const string Registry = "registry";

    /// <summary>Changing how Sluice runs: API keys, replaying or discarding dead letters, pausing destinations: admin.</summary>
    public const string Manage = "manage";

    public static readonly IReadOnlyList<string> All = [Intake, Orders, Read, Registry, Manage];
}

/// <summary>Roles people carry in their JWT.</summary>
public static class SluiceRoles
{
    public const string Admin = "admin";
    public const string Hr = "hr";
    public const string Auditor = "auditor";

    public static readonly IReadOnlyList<string> All = [Admin, Hr, Auditor];
}

/// <summary>What an API key is for: a punch clock or terminal, a program integrating with Sluice, or one placing orders.</summary>
public static class ApiKeyKinds
{
    public const string Device = "device";
    public const string App = "app";
    public const string Orders = "orders";

    public static readonly IReadOnlyList<string> All = [Device, App, Orders];
}

/// <summary>Claims Sluice puts on callers authenticated by API key.</summary>
public static class SluiceClaims
{
    public const string KeyId = "sluice:key_id";
    public const string KeyKind = "sluice:key_kind";

    /// <summary>The establishment an API key is scoped to, when it is scoped; intake may hold a caller to it.</summary>
    public const string Establishment = "sluice:establishment";

    /// <summary>The CPF recorded on an API key: who answers for the registry changes made with it.</summary>
    public const string ResponsibleCpf = "sluice:responsible_cpf";
}
