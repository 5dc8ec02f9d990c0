using System.Globalization;
using Sluice.Punches.Afd;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Exports;

/// <summary>One AFD, fixed by its establishment, period, last NSR and generation time: writing it twice gives the same bytes.</summary>
internal sealed record AfdProduction(Guid EstablishmentId, AfdHeader Header, TimeZoneInfo Zone, long UpToNsr)
{
    public string FileName => AfdFileName.For(Header.Inpi, Header.EmployerDocument);

    /// <summary>The query that reproduces this production (for the <c>Link</c> to its signature).</summary>
    public string Query =>
        $"from={Header.From:yyyy-MM-dd}&to={Header.To:yyyy-MM-dd}&upTo={UpToNsr}"
        + $"&generatedAt={Uri.EscapeDataString(Header.GeneratedAt.ToString("yyyy-MM-dd'T'HH:mmzzz", CultureInfo.InvariantCulture))}";

    /// <summary>Streams the file from the ledger's forward-only reader: memory stays flat whatever the number of records.</summary>
    public Task WriteAsync(Stream output, LedgerQueries ledger, CancellationToken ct)
    {
        var fromMs = LedgerTimes.Ms(ZoneTime.StartOfDay(Header.From, Zone));
        var toMs = LedgerTimes.Ms(ZoneTime.StartOfDay(Header.To.AddDays(1), Zone));
        return ledger.ReadRecordsAsync(EstablishmentId, fromMs, toMs, UpToNsr, async (records, token) =>
        {
            await AfdWriter.WriteAsync(output, Header, Entries(records, Zone), token);
            return 0;
        }, ct);
    }

    /// <summary>
    /// The whole file in memory, for the signed forms: a CMS signature is computed over the content it is given, and
    /// signing the bytes that are then served is what guarantees the pair verifies (about 137 bytes a punch).
    /// </summary>
    public async Task<byte[]> ToBytesAsync(LedgerQueries ledger, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await WriteAsync(buffer, ledger, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// A punch is written exactly as stored, because its hash covers that text (punches stored since local time was
    /// fixed are in the establishment's zone; older ones keep the offset they were hashed with). Records without a hash
    /// are written in the establishment's zone.
    /// </summary>
    private static async IAsyncEnumerable<AfdEntry> Entries(IAsyncEnumerable<LedgerRecord> records, TimeZoneInfo zone)
    {
        await foreach (var record in records)
        {
            var at = ZoneTime.InZone(record.RecordedAt, zone);
            yield return record.Type switch
            {
                7 => new AfdPunchEntry(record.Nsr, record.PunchedAt!.Value, record.Cpf, record.RecordedAt, (int)record.Collector!.Value, record.Offline, record.Hash!),
                5 => new AfdEmployeeEntry(record.Nsr, at, (AfdEmployeeOperation)record.Operation![0], record.Cpf, record.Name ?? "", record.ResponsibleCpf ?? ""),
                2 => new AfdEmployerEntry(record.Nsr, at, record.ResponsibleCpf ?? "", record.DocumentType == 2 ? AfdDocumentType.Cpf : AfdDocumentType.Cnpj,
                    record.Document ?? "", record.CnoCaepf, record.Name ?? "", record.Place),
                6 => new AfdEventEntry(record.Nsr, at, record.Event!),
                _ => throw new InvalidOperationException($"NSR {record.Nsr}: the ledger holds a record of type {record.Type}, which has no AFD line."),
            };
        }
    }
}
