namespace Sluice.Security;

/// <summary>A key to create.</summary>
/// <param name="Name">Who or what holds it, e.g. "Clock at the north gate" (1 to 100 characters).</param>
/// <param name="Kind"><c>device</c> or <c>app</c>.</param>
/// <param name="EstablishmentId">The id of the registered establishment the key is limited to (optional).</param>
/// <param name="ResponsibleCpf">
/// CPF of the person who answers for the registry changes made with this key (an HR system's owner): the legal record
/// names them. Without it, the key cannot change employees.
/// </param>
public sealed record CreateApiKeyRequest(string? Name, string? Kind, string? EstablishmentId, string? ResponsibleCpf = null);

/// <summary>A new key: <see cref="Key"/> is shown this once and never again; only its hash is stored.</summary>
public sealed record CreatedApiKey(Guid Id, string Name, string Kind, string? EstablishmentId, DateTimeOffset CreatedAt, string Key)
{
    public string? ResponsibleCpf { get; init; }
}

/// <summary>A stored key, without its secret.</summary>
public sealed record ApiKeyView(Guid Id, string Name, string Kind, string? EstablishmentId, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt)
{
    public string? ResponsibleCpf { get; init; }

    public static ApiKeyView From(ApiKeyRecord key) =>
        new(key.Id, key.Name, key.Kind, key.EstablishmentId, key.CreatedAt, key.RevokedAt) { ResponsibleCpf = key.ResponsibleCpf };
}
