using System.Data.Common;
using System.Globalization;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;
using Sluice.Punches.Ledger;
using Sluice.Punches.Storage;

namespace Sluice.Punches.Treatment;

/// <summary>The treatment program's SQL (tables made by <see cref="TreatmentSchema"/>). Nothing here writes the ledger.</summary>
internal sealed class TreatmentStore(IJournalDatabase database)
{
    private const string ScheduleColumns = "id, establishment_id, code, name, daily_minutes, pairs, week_days, created_at, updated_at, responsible_cpf";
    private const string ContractColumns = "employee_id, establishment_id, admission_date, role, schedule_id, updated_at, responsible_cpf";
    private const string TreatmentColumns = "id, establishment_id, employee_id, kind, punched_at, punched_at_ms, nsr, reason, responsible_cpf, created_at";

    /// <summary>Stores a new schedule; false, storing nothing, when the establishment already has one with its code.</summary>
    public Task<bool> CreateScheduleAsync(Schedule schedule, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
            await session.ExecuteAsync(
                $"""
                INSERT INTO {session.Table("punch_schedules")} ({ScheduleColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
                ON CONFLICT (establishment_id, code) DO NOTHING
                """,
                token, ScheduleValues(schedule)) == 1, ct);

    /// <summary>Replaces a schedule's definition (its code stays); false when the code is another schedule's.</summary>
    public Task<bool> UpdateScheduleAsync(Schedule schedule, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            await using (var taken = session.Command(
                $"SELECT COUNT(*) FROM {session.Table("punch_schedules")} WHERE establishment_id = @p0 AND code = @p1 AND id <> @p2",
                schedule.EstablishmentId.ToString(), schedule.Code, schedule.Id.ToString()))
            {
                if (Convert.ToInt64(await taken.ExecuteScalarAsync(token), CultureInfo.InvariantCulture) > 0)
                {
                    return false;
                }
            }

            await session.ExecuteAsync(
                $"""
                UPDATE {session.Table("punch_schedules")} SET code = @p2, name = @p3, daily_minutes = @p4, pairs = @p5, week_days = @p6,
                updated_at = @p8, responsible_cpf = @p9 WHERE id = @p0
                """,
                token, ScheduleValues(schedule));
            return true;
        }, ct);

    public Task<List<Schedule>> SchedulesAsync(Guid establishmentId, CancellationToken ct) =>
        database.ReadAsync((session, token) => session.ReadAllAsync(
            $"SELECT {ScheduleColumns} FROM {session.Table("punch_schedules")} WHERE establishment_id = @p0 ORDER BY code",
            ReadSchedule, token, establishmentId.ToString()), ct);

    public Task<Schedule?> ScheduleAsync(Guid id, CancellationToken ct) =>
        database.ReadAsync(async (session, token) => (await session.ReadAllAsync(
            $"SELECT {ScheduleColumns} FROM {session.Table("punch_schedules")} WHERE id = @p0", ReadSchedule, token, id.ToString())).SingleOrDefault(), ct);

    public Task SaveContractAsync(Contract contract, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
            await session.ExecuteAsync(
                $"""
                INSERT INTO {session.Table("punch_contracts")} ({ContractColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                ON CONFLICT (employee_id) DO UPDATE SET admission_date = excluded.admission_date, role = excluded.role,
                schedule_id = excluded.schedule_id, updated_at = excluded.updated_at, responsible_cpf = excluded.responsible_cpf
                """,
                token, contract.EmployeeId.ToString(), contract.EstablishmentId.ToString(), contract.AdmissionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                contract.Role, contract.ScheduleId.ToString(), UnixTime.ToMs(contract.UpdatedAt), contract.ResponsibleCpf), ct);

    public Task<List<Contract>> ContractsAsync(Guid establishmentId, CancellationToken ct) =>
        database.ReadAsync((session, token) => session.ReadAllAsync(
            $"SELECT {ContractColumns} FROM {session.Table("punch_contracts")} WHERE establishment_id = @p0", ReadContract, token, establishmentId.ToString()), ct);

    public Task<Contract?> ContractAsync(Guid employeeId, CancellationToken ct) =>
        database.ReadAsync(async (session, token) => (await session.ReadAllAsync(
            $"SELECT {ContractColumns} FROM {session.Table("punch_contracts")} WHERE employee_id = @p0", ReadContract, token, employeeId.ToString())).SingleOrDefault(), ct);

    /// <summary>Stores a treated marking; false, storing nothing, when it disregards a punch already disregarded.</summary>
    public Task<bool> AddTreatmentAsync(Treatment treatment, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
            await session.ExecuteAsync(
                $"""
                INSERT INTO {session.Table("punch_treatments")} ({TreatmentColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
                ON CONFLICT (establishment_id, nsr) WHERE nsr IS NOT NULL DO NOTHING
                """,
                token, treatment.Id.ToString(), treatment.EstablishmentId.ToString(), treatment.EmployeeId.ToString(), Treatment.Name(treatment.Kind),
                LedgerTimes.Format(treatment.PunchedAt), LedgerTimes.Ms(treatment.PunchedAt), treatment.Nsr, treatment.Reason, treatment.ResponsibleCpf,
                UnixTime.ToMs(treatment.CreatedAt)) == 1, ct);

    /// <summary>An employee's treated markings timed in [<paramref name="from"/>, <paramref name="to"/>), in time order.</summary>
    public Task<List<Treatment>> ForEmployeeAsync(Guid employeeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        database.ReadAsync((session, token) => session.ReadAllAsync(
            $"""
            SELECT {TreatmentColumns} FROM {session.Table("punch_treatments")}
            WHERE employee_id = @p0 AND punched_at_ms >= @p1 AND punched_at_ms < @p2 ORDER BY punched_at_ms, created_at
            """,
            ReadTreatment, token, employeeId.ToString(), LedgerTimes.Ms(from), LedgerTimes.Ms(to)), ct);

    /// <summary>
    /// An establishment's treated markings timed in [<paramref name="from"/>, <paramref name="to"/>) and made at or before
    /// <paramref name="madeUpTo"/>: rows are never changed, so the same bound gives the same set on any later read.
    /// </summary>
    public Task<List<Treatment>> ForEstablishmentAsync(Guid establishmentId, DateTimeOffset from, DateTimeOffset to, DateTimeOffset madeUpTo, CancellationToken ct) =>
        database.ReadAsync((session, token) => session.ReadAllAsync(
            $"""
            SELECT {TreatmentColumns} FROM {session.Table("punch_treatments")}
            WHERE establishment_id = @p0 AND punched_at_ms >= @p1 AND punched_at_ms < @p2 AND created_at <= @p3 ORDER BY punched_at_ms, created_at
            """,
            ReadTreatment, token, establishmentId.ToString(), LedgerTimes.Ms(from), LedgerTimes.Ms(to), UnixTime.ToMs(madeUpTo)), ct);

    private static object?[] ScheduleValues(Schedule s) =>
    [
        s.Id.ToString(), s.EstablishmentId.ToString(), s.Code, s.Name, s.DailyMinutes,
        string.Join(',', s.Pairs.Select(p => $"{p.Entry:HH\\:mm}-{p.Exit:HH\\:mm}")), string.Join(',', s.WeekDays),
        UnixTime.ToMs(s.CreatedAt), UnixTime.ToMs(s.UpdatedAt), s.ResponsibleCpf,
    ];

    private static Schedule ReadSchedule(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture),
        [.. r.GetString(5).Split(',').Select(p => (TimeOnly.Parse(p[..5], CultureInfo.InvariantCulture), TimeOnly.Parse(p[6..], CultureInfo.InvariantCulture)))],
        [.. r.GetString(6).Split(',').Select(d => int.Parse(d, CultureInfo.InvariantCulture))],
        UnixTime.FromMs(r.GetInt64(7)), UnixTime.FromMs(r.GetInt64(8)), r.GetString(9));

    private static Contract ReadContract(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), DateOnly.ParseExact(r.GetString(2), "yyyy-MM-dd", CultureInfo.InvariantCulture),
        r.GetString(3), Guid.Parse(r.GetString(4)), UnixTime.FromMs(r.GetInt64(5)), r.GetString(6));

    private static Treatment ReadTreatment(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), Guid.Parse(r.GetString(2)), Treatment.Parse(r.GetString(3))!.Value,
        LedgerTimes.Parse(r.GetString(4)), r.IsDBNull(6) ? null : r.GetInt64(6), r.GetString(7), r.GetString(8), UnixTime.FromMs(r.GetInt64(9)));
}
