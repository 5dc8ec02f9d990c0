using System.Collections.Concurrent;
using System.Data.Common;
using Sluice.Journal.Modules;

namespace Sluice.Security;

/// <summary>
/// API keys in the journal's own database (SQLite or PostgreSQL), so every node of a cluster sees the same keys
/// and a backup of the journal carries them. Found keys are remembered briefly: intake checks a key on every
/// request, and a revocation on another node reaches this one within <see cref="CacheFor"/>.
/// </summary>
internal sealed class JournalApiKeyStore(IJournalDatabase database, TimeProvider time) : IApiKeyStore
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private const int MaxCached = 10_000;
    private const string Columns = "id, name, kind, establishment_id, key_hash, created_at, revoked_at, responsible_cpf";

    private readonly ConcurrentDictionary<string, (ApiKeyRecord Key, DateTimeOffset Until)> _cache = new();

    public Task AddAsync(ApiKeyRecord key, CancellationToken cancellationToken) => database.WriteAsync(async (session, ct) =>
    {
        await using var insert = session.Command(
            $"INSERT INTO {session.Table("api_keys")} ({Columns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)",
            key.Id.ToString("D"), key.Name, key.Kind, key.EstablishmentId, key.Hash,
            key.CreatedAt.ToUnixTimeMilliseconds(), key.RevokedAt?.ToUnixTimeMilliseconds(), key.ResponsibleCpf);
        return await insert.ExecuteNonQueryAsync(ct);
    }, cancellationToken);

    public async Task<ApiKeyRecord?> FindByHashAsync(byte[] hash, CancellationToken cancellationToken)
    {
        var cacheKey = Convert.ToHexString(hash);
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(cacheKey, out var cached) && cached.Until > now)
        {
            return cached.Key;
        }

        var found = await database.ReadAsync(async (session, ct) =>
        {
            await using var select = session.Command($"SELECT {Columns} FROM {session.Table("api_keys")} WHERE key_hash = @p0", hash);
            await using var reader = await select.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct) ? Read(reader) : null;
        }, cancellationToken);
        if (found is not null)
        {
            if (_cache.Count >= MaxCached)
            {
                _cache.Clear();
            }

            _cache[cacheKey] = (found, now + CacheFor);
        }

        return found;
    }

    public Task<IReadOnlyList<ApiKeyRecord>> ListAsync(CancellationToken cancellationToken) => database.ReadAsync(async (session, ct) =>
    {
        await using var select = session.Command($"SELECT {Columns} FROM {session.Table("api_keys")} ORDER BY created_at, id");
        await using var reader = await select.ExecuteReaderAsync(ct);
        var keys = new List<ApiKeyRecord>();
        while (await reader.ReadAsync(ct))
        {
            keys.Add(Read(reader));
        }

        return (IReadOnlyList<ApiKeyRecord>)keys;
    }, cancellationToken);

    public async Task<bool> RevokeAsync(Guid id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var revoked = await database.WriteAsync(async (session, ct) =>
        {
            await using var update = session.Command(
                $"UPDATE {session.Table("api_keys")} SET revoked_at = @p1 WHERE id = @p0 AND revoked_at IS NULL",
                id.ToString("D"), at.ToUnixTimeMilliseconds());
            return await update.ExecuteNonQueryAsync(ct);
        }, cancellationToken);

        // This node stops accepting the key at once; others once their cached copy expires.
        foreach (var entry in _cache.Where(e => e.Value.Key.Id == id))
        {
            _cache.TryRemove(entry.Key, out _);
        }

        return revoked > 0;
    }

    private static ApiKeyRecord Read(DbDataReader reader) => new(
        Guid.Parse(reader.GetString(0)),
        reader.GetString(1),
        reader.GetString(2),
        reader.IsDBNull(3) ? null : reader.GetString(3),
        (byte[])reader.GetValue(4),
        DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(5)),
        reader.IsDBNull(6) ? null : DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(6)),
        reader.IsDBNull(7) ? null : reader.GetString(7));
}
