using System.Data.Common;
using System.Globalization;
using Sluice.Journal.Modules;
using Sluice.Punches.Storage;

namespace Sluice.Punches.Ledger;

/// <summary>Reads of the ledger; none of them blocks intake.</summary>
internal sealed class LedgerQueries(IJournalDatabase database)
{
    private const string RecordColumns =
        "nsr, record_type, message_id, employee_id, cpf, punched_at, recorded_at, collector, offline, hash, device_id, name, operation, responsible_cpf, " +
        "document_type, document, cno_caepf, place, event";

    private const string PunchColumns =
        "establishment_id, nsr, message_id, employee_id, cpf, punched_at, recorded_at, collector, offline, hash, device_id";

    private static readonly string PunchColumnsOfL = string.Join(", ", PunchColumns.Split(", ").Select(c => "l." + c));

    public Task<LedgerPunch?> FindByMessageAsync(Guid messageId, CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(
                $"SELECT {PunchColumns} FROM {session.Table("punch_ledger")} WHERE message_id = @p0", messageId);
            await using var reader = await command.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? ReadPunch(reader) : null;
        }, ct);

    /// <summary>An employee's punches punched at or after <paramref name="from"/> and before <paramref name="to"/>, in punch-time order.</summary>
    public Task<List<LedgerPunch>> ForEmployeeAsync(Guid employeeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        database.ReadAsync((session, token) => session.ReadAllAsync(
            $"""
            SELECT {PunchColumnsOfL} FROM {EmployeeIndex.PunchesOf(session.Table, "<")}
            WHERE l.record_type = 7
            ORDER BY l.punched_at_ms, l.nsr
            """,
            ReadPunch, token, employeeId, LedgerTimes.Ms(from), LedgerTimes.Ms(to)), ct);

    /// <summary>An establishment's punches punched in [<paramref name="from"/>, <paramref name="to"/>) and numbered up to <paramref name="upToNsr"/>, by employee and time.</summary>
    public Task<List<LedgerPunch>> EstablishmentPunchesAsync(Guid establishmentId, DateTimeOffset from, DateTimeOffset to, long upToNsr, CancellationToken ct) =>
        database.ReadAsync((session, token) => session.ReadAllAsync(
            $"""
            SELECT {PunchColumns} FROM {session.Table("punch_ledger")}
            WHERE establishment_id = @p0 AND record_type = 7 AND nsr <= @p1 AND punched_at_ms >= @p2 AND punched_at_ms < @p3
            ORDER BY punched_at_ms, nsr
            """,
            ReadPunch, token, establishmentId, upToNsr, LedgerTimes.Ms(from), LedgerTimes.Ms(to)), ct);

    /// <summary>The establishment's punch (type 7) numbered <paramref name="nsr"/>, if there is one.</summary>
    public Task<LedgerPunch?> FindPunchAsync(Guid establishmentId, long nsr, CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(
                $"SELECT {PunchColumns} FROM {session.Table("punch_ledger")} WHERE establishment_id = @p0 AND nsr = @p1 AND record_type = 7",
                establishmentId, nsr);
            await using var reader = await command.ExecuteReaderAsync(token);
            return await reader.ReadAsync(token) ? ReadPunch(reader) : null;
        }, ct);

    /// <summary>
    /// The instants (UTC milliseconds) at which the ledger already holds a punch of <paramref name="employeeId"/> from
    /// device <paramref name="deviceId"/> between <paramref name="from"/> and <paramref name="to"/> inclusive. The ledger
    /// is never pruned, so a device re-sending lines long after the journal forgot their idempotency keys is found here.
    /// </summary>
    public Task<HashSet<long>> DevicePunchTimesAsync(Guid employeeId, string deviceId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(
                $"""
                SELECT l.punched_at_ms FROM {EmployeeIndex.PunchesOf(session.Table, "<=")}
                WHERE l.record_type = 7 AND l.device_id = @p3
                """,
                employeeId, LedgerTimes.Ms(from), LedgerTimes.Ms(to), deviceId);
            await using var reader = await command.ExecuteReaderAsync(token);
            var times = new HashSet<long>();
            while (await reader.ReadAsync(token))
            {
                times.Add(reader.GetInt64(0));
            }

            return times;
        }, ct);

    /// <summary>
    /// Every record of an establishment in NSR order (optionally only those recorded in [<paramref name="fromMs"/>,
    /// <paramref name="toMs"/>) and numbered up to <paramref name="upToNsr"/>), read forward-only straight into
    /// <paramref name="consume"/>, so a million records never sit in memory at once.
    /// </summary>
    public Task<T> ReadRecordsAsync<T>(
        Guid establishmentId, long? fromMs, long? toMs, long? upToNsr, Func<IAsyncEnumerable<LedgerRecord>, CancellationToken, Task<T>> consume,
        CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(
                $"""
                SELECT {RecordColumns}
                FROM {session.Table("punch_ledger")}
                WHERE establishment_id = @p0 AND recorded_at_ms >= @p1 AND recorded_at_ms < @p2 AND nsr <= @p3 ORDER BY nsr
                """,
                establishmentId, fromMs ?? long.MinValue, toMs ?? long.MaxValue, upToNsr ?? long.MaxValue);
            await using var reader = await command.ExecuteReaderAsync(token);
            return await consume(Records(reader, token), token);
        }, ct);

    /// <summary>
    /// The establishment's type 2 records, oldest first: the employer as recorded at each change. A few per establishment,
    /// so receipts and the AFD header pick the one in force from memory.
    /// </summary>
    public Task<EmployerHistory> EmployersAsync(Guid establishmentId, CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(
                $"SELECT {RecordColumns} FROM {session.Table("punch_ledger")} WHERE establishment_id = @p0 AND record_type = 2 ORDER BY nsr",
                establishmentId);
            await using var reader = await command.ExecuteReaderAsync(token);
            var records = new List<LedgerRecord>();
            while (await reader.ReadAsync(token))
            {
                records.Add(ReadRecord(reader));
            }

            return new EmployerHistory(records);
        }, ct);

    /// <summary>The establishment's last NSR, any record type; 0 before its first record.</summary>
    public Task<long> LastNsrAsync(Guid establishmentId, CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command(
                $"SELECT COALESCE(MAX(nsr), 0) FROM {session.Table("punch_ledger")} WHERE establishment_id = @p0", establishmentId);
            return Convert.ToInt64(await command.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
        }, ct);

    /// <summary>Every record of an establishment in NSR order, to <paramref name="visit"/> until it returns false; returns how many it saw.</summary>
    public Task<long> WalkAsync(Guid establishmentId, Func<LedgerRecord, CancellationToken, ValueTask<bool>> visit, CancellationToken ct) =>
        ReadRecordsAsync(establishmentId, null, null, null, async (records, token) =>
        {
            long count = 0;
            await foreach (var record in records)
            {
                count++;
                if (!await visit(record, token))
                {
                    break;
                }
            }

            return count;
        }, ct);

    private static async IAsyncEnumerable<LedgerRecord> Records(DbDataReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        while (await reader.ReadAsync(ct))
        {
            yield return ReadRecord(reader);
        }
    }

    private static LedgerPunch ReadPunch(DbDataReader r) => new(
        r.GetGuid(0), r.GetInt64(1), r.GetGuid(2), r.GetGuid(3), r.GetString(4),
        LedgerTimes.Parse(r.GetString(5)), LedgerTimes.Parse(r.GetString(6)), (PunchCollector)Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture),
        Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture) != 0, r.GetString(9), r.IsDBNull(10) ? null : r.GetString(10));

    private static LedgerRecord ReadRecord(DbDataReader r)
    {
        string? Text(int i) => r.IsDBNull(i) ? null : r.GetString(i);
        return new LedgerRecord(
            r.GetInt64(0), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.IsDBNull(2) ? null : r.GetGuid(2), r.GetGuid(3), r.GetString(4),
            Text(5) is { } p ? LedgerTimes.Parse(p) : null, LedgerTimes.Parse(r.GetString(6)),
            r.IsDBNull(7) ? null : (PunchCollector)Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture), !r.IsDBNull(8) && Convert.ToInt32(r.GetValue(8), CultureInfo.InvariantCulture) != 0,
            Text(9), Text(10), Text(11), Text(12), Text(13))
        {
            DocumentType = r.IsDBNull(14) ? null : Convert.ToInt32(r.GetValue(14), CultureInfo.InvariantCulture),
            Document = Text(15),
            CnoCaepf = Text(16),
            Place = Text(17),
            Event = Text(18),
        };
    }
}

/// <summary>
/// Any ledger record: a punch (type 7), an employee change (type 5: name, operation, responsible CPF), the employer
/// included or changed (type 2: <see cref="Name"/> is the legal name, with the document fields and place) or an event
/// of the REP-P (type 6: <see cref="Event"/>).
/// </summary>
internal sealed record LedgerRecord(
    long Nsr, int Type, Guid? MessageId, Guid EmployeeId, string Cpf, DateTimeOffset? PunchedAt, DateTimeOffset RecordedAt,
    PunchCollector? Collector, bool Offline, string? Hash, string? DeviceId, string? Name, string? Operation, string? ResponsibleCpf)
{
    public int? DocumentType { get; init; }

    public string? Document { get; init; }

    public string? CnoCaepf { get; init; }

    public string? Place { get; init; }

    public string? Event { get; init; }
}
