using System.Globalization;
using Microsoft.Extensions.Options;
using Sluice.Delivery.Engine;
using Sluice.Journal.Modules;
using Sluice.Punches.Afd;

namespace Sluice.Punches.Ledger;

/// <summary>
/// Writes the REP-P's type 6 events into every establishment's ledger: "07" when this node starts serving, "08" when it
/// stops in good order, and "02" first when its previous run ended without an "08" (killed, crashed, power lost). Each
/// establishment's events take the next NSRs of its one sequence, whichever node writes them.
/// </summary>
/// <remarks>
/// A node is told apart from the others by <c>Delivery:NodeId</c> (the host name when unset): the punch_nodes row under
/// that name remembers whether the node is serving, which is how a start finds that the last stop was not recorded.
/// Give each node of a PostgreSQL cluster its own NodeId, or one node's start reads as another's crash.
/// </remarks>
internal sealed class ServiceEvents(IJournalDatabase database, IOptions<DeliveryOptions> delivery, TimeProvider time)
{
    public string NodeId => delivery.Value.NodeId ?? Environment.MachineName;

    /// <summary>Records this node's start; returns whether its previous run had ended without recording its stop.</summary>
    public Task<bool> RecordStartAsync(CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            bool unclean;
            await using (var select = session.Command($"SELECT serving FROM {session.Table("punch_nodes")} WHERE node_id = @p0", NodeId))
            {
                unclean = await select.ExecuteScalarAsync(token) is { } serving and not DBNull && Convert.ToInt32(serving, CultureInfo.InvariantCulture) != 0;
            }

            await RecordAsync(session, unclean ? [AfdEventCode.PowerReturn, AfdEventCode.ServiceAvailable] : [AfdEventCode.ServiceAvailable], serving: true, token);
            return unclean;
        }, ct);

    /// <summary>Records that this node stops serving: call it once intake has drained, while the journal still writes.</summary>
    public Task RecordStopAsync(CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            await RecordAsync(session, [AfdEventCode.ServiceUnavailable], serving: false, token);
            return 0;
        }, ct);

    private async Task RecordAsync(JournalSession session, string[] codes, bool serving, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var zones = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var select = session.Command($"SELECT id, time_zone FROM {session.Table("punch_establishments")}"))
        await using (var reader = await select.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                zones[reader.GetString(0)] = reader.GetString(1);
            }
        }

        var heads = await LedgerHeads.LockAsync(session, zones.Keys, ct);
        foreach (var (id, head) in heads)
        {
            var at = ZoneTime.InZone(now, TimeZoneInfo.FindSystemTimeZoneById(zones[id]));
            foreach (var code in codes)
            {
                await LegalRecords.AppendEventAsync(session, Guid.Parse(id), head, code, at, ct);
            }
        }

        await LedgerHeads.SaveAsync(session, heads, ct);
        await using var upsert = session.Command(
            $"""
            INSERT INTO {session.Table("punch_nodes")} (node_id, serving, changed_at) VALUES (@p0, @p1, @p2)
            ON CONFLICT (node_id) DO UPDATE SET serving = excluded.serving, changed_at = excluded.changed_at
            """,
            NodeId, serving ? 1 : 0, now.ToUnixTimeMilliseconds());
        await upsert.ExecuteNonQueryAsync(ct);
    }
}
