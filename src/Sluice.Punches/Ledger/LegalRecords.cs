using Sluice.Journal.Modules;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Ledger;

/// <summary>
/// Writes the ledger's records other than punches, each under the next NSR of its establishment's head (which the caller
/// holds locked, so they share one gap-free sequence with the punches): type 2 (the employer included or changed),
/// type 5 (an employee included, changed or excluded) and type 6 (an event of the REP-P). Times are stored in the
/// establishment's zone, as the punches' are.
/// </summary>
internal static class LegalRecords
{
    /// <summary>Records of types 2 and 6 concern no employee; the ledger's NOT NULL employee columns hold these.</summary>
    public static readonly Guid NoEmployee = Guid.Empty;

    public static Task AppendEmployerAsync(
        JournalSession session, LedgerHead head, Establishment employer, string responsibleCpf, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync(session,
            $"""
            INSERT INTO {session.Table("punch_ledger")} (establishment_id, nsr, record_type, employee_id, cpf, name, recorded_at, recorded_at_ms,
                responsible_cpf, document_type, document, cno_caepf, place)
            VALUES (@p0, @p1, 2, @p2, '', @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10)
            """,
            ct, employer.Id, ++head.Nsr, NoEmployee, employer.LegalName, LedgerTimes.Format(at), LedgerTimes.Ms(at),
            responsibleCpf, employer.DocumentType, employer.Document, employer.CnoCaepf, employer.Place);

    public static Task AppendEmployeeAsync(
        JournalSession session, LedgerHead head, Employee employee, string operation, string responsibleCpf, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync(session,
            $"""
            INSERT INTO {session.Table("punch_ledger")} (establishment_id, nsr, record_type, employee_id, cpf, name, operation, recorded_at, recorded_at_ms, responsible_cpf)
            VALUES (@p0, @p1, 5, @p2, @p3, @p4, @p5, @p6, @p7, @p8)
            """,
            ct, employee.EstablishmentId, ++head.Nsr, employee.Id, employee.Cpf, employee.Name, operation,
            LedgerTimes.Format(at), LedgerTimes.Ms(at), responsibleCpf);

    /// <param name="code">An <see cref="Afd.AfdEventCode"/>.</param>
    public static Task AppendEventAsync(JournalSession session, Guid establishmentId, LedgerHead head, string code, DateTimeOffset at, CancellationToken ct) =>
        ExecuteAsync(session,
            $"""
            INSERT INTO {session.Table("punch_ledger")} (establishment_id, nsr, record_type, employee_id, cpf, event, recorded_at, recorded_at_ms)
            VALUES (@p0, @p1, 6, @p2, '', @p3, @p4, @p5)
            """,
            ct, establishmentId, ++head.Nsr, NoEmployee, code, LedgerTimes.Format(at), LedgerTimes.Ms(at));

    private static async Task ExecuteAsync(JournalSession session, string sql, CancellationToken ct, params object?[] values)
    {
        await using var command = session.Command(sql, values);
        await command.ExecuteNonQueryAsync(ct);
    }
}
