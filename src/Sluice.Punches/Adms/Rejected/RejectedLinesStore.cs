using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;

namespace Sluice.Punches.Adms.Rejected;

/// <summary>The SQL of <c>adms_rejected_lines</c> (created by <see cref="Storage.AdmsSchema"/>).</summary>
internal sealed class RejectedLinesStore(IJournalDatabase database)
{
    /// <summary>
    /// Keeps each line not yet kept for this device, durably, before the device is answered. Returns how many were new
    /// (a batch sent again adds none).
    /// </summary>
    public Task<int> KeepAsync(Guid establishmentId, IReadOnlyList<RejectedLine> lines, CancellationToken ct) =>
        lines.Count == 0
            ? Task.FromResult(0)
            : database.WriteAsync(async (session, token) =>
            {
                var added = 0;
                foreach (var line in lines)
                {
                    await using var insert = session.Command(
                        $"""
                        INSERT INTO {session.Table("adms_rejected_lines")}
                        (serial, line_key, establishment_id, line_number, pin, line, reason, received_at) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7)
                        ON CONFLICT (serial, line_key) DO NOTHING
                        """,
                        line.Serial, Key(line.Line), establishmentId.ToString(), line.LineNumber, line.Pin, line.Line, line.Reason,
                        UnixTime.ToMs(line.ReceivedAt));
                    added += await insert.ExecuteNonQueryAsync(token);
                }

                return added;
            }, ct);

    /// <summary>The establishment's rejected lines, newest first, and how many there are in all.</summary>
    public Task<(IReadOnlyList<RejectedLine> Lines, long Total)> ListAsync(Guid establishmentId, string? serial, int limit, CancellationToken ct) =>
        database.ReadAsync<(IReadOnlyList<RejectedLine>, long)>(async (session, token) =>
        {
            var table = session.Table("adms_rejected_lines");
            var where = serial is null ? "establishment_id = @p0" : "establishment_id = @p0 AND serial = @p2";
            long total;
            await using (var count = session.Command($"SELECT COUNT(*) FROM {table} WHERE {where}", establishmentId.ToString(), limit, serial))
            {
                total = Convert.ToInt64(await count.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
            }

            await using var select = session.Command(
                $"""
                SELECT serial, line_number, pin, line, reason, received_at FROM {table} WHERE {where}
                ORDER BY received_at DESC, serial, line_key LIMIT @p1
                """,
                establishmentId.ToString(), limit, serial);
            await using var reader = await select.ExecuteReaderAsync(token);
            var lines = new List<RejectedLine>();
            while (await reader.ReadAsync(token))
            {
                lines.Add(new RejectedLine(
                    reader.GetString(0), Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture), reader.IsDBNull(2) ? null : reader.GetString(2),
                    reader.GetString(3), reader.GetString(4), UnixTime.FromMs(reader.GetInt64(5))));
            }

            return (lines, total);
        }, ct);

    /// <summary>The same line from the same device is one row: its key is the line's SHA-256.</summary>
    private static string Key(string line) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(line)));
}
