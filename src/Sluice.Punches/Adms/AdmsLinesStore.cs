using Sluice.Journal.Modules;

namespace Sluice.Punches.Adms;

/// <summary>Reads and prunes <c>adms_punch_lines</c> (see <see cref="Storage.AdmsSchema"/>; <see cref="AdmsModule"/> writes it inside the append).</summary>
internal sealed class AdmsLinesStore(IJournalDatabase database)
{
    // Keeps each statement's parameter list well under both engines' limits.
    private const int Chunk = 500;

    /// <summary>Which of <paramref name="keys"/> device <paramref name="serial"/> has sent before and Sluice stored.</summary>
    public Task<HashSet<string>> KnownAsync(string serial, IReadOnlyList<string> keys, CancellationToken ct) =>
        keys.Count == 0
            ? Task.FromResult(new HashSet<string>(StringComparer.Ordinal))
            : database.ReadAsync(async (session, token) =>
            {
                var known = new HashSet<string>(StringComparer.Ordinal);
                foreach (var chunk in keys.Chunk(Chunk))
                {
                    var names = string.Join(", ", chunk.Select((_, i) => $"@p{i + 1}"));
                    await using var select = session.Command(
                        $"SELECT line_key FROM {session.Table("adms_punch_lines")} WHERE serial = @p0 AND line_key IN ({names})",
                        [serial, .. chunk]);
                    await using var reader = await select.ExecuteReaderAsync(token);
                    while (await reader.ReadAsync(token))
                    {
                        known.Add(reader.GetString(0));
                    }
                }

                return known;
            }, ct);

    /// <summary>Deletes the identities of punches made before <paramref name="punchedBefore"/>; returns how many.</summary>
    public Task<int> PruneAsync(DateTimeOffset punchedBefore, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            await using var delete = session.Command(
                $"DELETE FROM {session.Table("adms_punch_lines")} WHERE punched_at_ms < @p0", punchedBefore.ToUnixTimeMilliseconds());
            return await delete.ExecuteNonQueryAsync(token);
        }, ct);
}
