namespace Sluice.Security;

/// <summary>An API key as stored: never the secret, only its hash.</summary>
/// <param name="ResponsibleCpf">The CPF of the person who answers for registry changes made with the key (11 digits), when recorded.</param>
public sealed record ApiKeyRecord(
    Guid Id, string Name, string Kind, string? EstablishmentId, byte[] Hash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt,
    string? ResponsibleCpf = null);

/// <summary>Where API keys live: beside the journal, in whichever engine it uses.</summary>
public interface IApiKeyStore
{
    Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    /// <summary>The key with this hash, revoked or not; null when there is none.</summary>
    Task<ApiKeyRecord?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken);

    /// <summary>Marks the key revoked; false when there is no such key or it was already revoked.</summary>
    Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken);
}
