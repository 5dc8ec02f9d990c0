using Sluice.Journal.Modules;

namespace Sluice.Punches.Ledger;

/// <summary>The outcome of walking an establishment's ledger.</summary>
/// <param name="FirstBadNsr">The first NSR whose record or link to the previous punch does not hold; null when all hold.</param>
public sealed record ChainVerification(Guid EstablishmentId, bool Valid, long Records, long Punches, long LastNsr, long? FirstBadNsr, string? Problem);

/// <summary>
/// Walks a ledger in NSR order, forward-only: NSRs must run 1, 2, 3… with no gap or repeat up to the head, and
/// each punch's stored hash must equal the hash recomputed from its fields and the previous punch's stored hash.
/// An edited punch fails at its own NSR; an edited punch whose hash was recomputed too breaks the next link.
/// </summary>
internal sealed class ChainVerifier(LedgerQueries queries, IJournalDatabase database)
{
    public async Task<ChainVerification> VerifyAsync(Guid establishmentId, CancellationToken ct)
    {
        var head = await HeadAsync(establishmentId, ct);
        long expected = 1, punches = 0;
        string? previous = null;
        (long Nsr, string Problem)? bad = null;
        var records = await queries.WalkAsync(establishmentId, (record, _) =>
        {
            if (record.Nsr != expected)
            {
                bad = record.Nsr > expected
                    ? (expected, $"NSR {expected} is missing: the next record is NSR {record.Nsr}.")
                    : (record.Nsr, $"NSR {record.Nsr} appears out of order after NSR {expected - 1}.");
                return ValueTask.FromResult(false);
            }

            expected++;
            if (record.Type == 7)
            {
                punches++;
                var computed = record is { PunchedAt: { } punchedAt, Collector: { } collector, Hash: { Length: PunchHashLength } }
                    ? PunchHash.Compute(record.Nsr, punchedAt, record.Cpf, record.RecordedAt, (int)collector, record.Offline, previous)
                    : null;
                if (computed is null || !string.Equals(computed, record.Hash, StringComparison.OrdinalIgnoreCase))
                {
                    bad = (record.Nsr, "The punch's hash does not match its fields and the previous punch's hash: the record or its link was altered.");
                    return ValueTask.FromResult(false);
                }

                previous = record.Hash;
            }

            return ValueTask.FromResult(true);
        }, ct);

        if (bad is null && head is { } h && h.Nsr != expected - 1)
        {
            bad = h.Nsr > expected - 1
                ? (expected, $"NSR {expected} is missing: the ledger's head says records run to NSR {h.Nsr}.")
                : (h.Nsr + 1, $"NSR {h.Nsr + 1} is beyond the ledger's head.");
        }
        else if (bad is null && head is { } last && !string.Equals(last.Hash, previous, StringComparison.OrdinalIgnoreCase))
        {
            bad = (expected - 1, "The last punch's hash differs from the one the ledger's head recorded.");
        }

        return new ChainVerification(establishmentId, bad is null, records, punches, expected - 1, bad?.Nsr, bad?.Problem);
    }

    private const int PunchHashLength = 64;

    private Task<LedgerHead?> HeadAsync(Guid establishmentId, CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(
                $"SELECT last_nsr, last_hash FROM {session.Table("punch_sequences")} WHERE establishment_id = @p0", establishmentId.ToString());
            await using var reader = await command.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? new LedgerHead(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1)) : null;
        }, ct);
}
