using System.Data.Common;
using System.Globalization;
using Sluice.Journal.Modules;
using Sluice.Journal.Relational;
using Sluice.Punches.Ledger;

namespace Sluice.Punches.Registry;

/// <summary>
/// The registry's SQL. Every change bumps the registry's version, so each node's <see cref="EmployeeDirectory"/>
/// can tell with one read that it must reload; employee changes also take an NSR as AFD type 5 records.
/// </summary>
internal sealed class RegistryStore(IJournalDatabase database)
{
    private const string EstablishmentColumns = "id, document_type, document, cno_caepf, legal_name, inpi, time_zone, created_at, updated_at, place";
    private const string EmployeeColumns = "id, establishment_id, code, name, cpf, pin, web_pin_hash, active, created_at, updated_at";
    private const string DeviceColumns = "serial, establishment_id, time_zone, created_at, updated_at, key_hash, networks";

    /// <summary>
    /// Registers an establishment with its ledger head and its first record, the type 2 inclusion of the employer (NSR 1),
    /// unless another establishment has the same document: then nothing is stored and that one is named.
    /// </summary>
    public Task<EstablishmentSave> CreateEstablishmentAsync(Establishment establishment, string responsibleCpf, DateTimeOffset at, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            // ON CONFLICT waits for a concurrent insert of the same document (another node) instead of failing on it.
            var inserted = await session.ExecuteAsync(
                $"""
                INSERT INTO {session.Table("punch_establishments")} ({EstablishmentColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)
                ON CONFLICT (document) DO NOTHING
                """,
                token, EstablishmentValues(establishment));
            if (inserted == 0)
            {
                return new EstablishmentSave(null, await HolderOfAsync(session, establishment, token));
            }

            var head = new LedgerHead(0, null);
            await LegalRecords.AppendEmployerAsync(session, head, establishment, responsibleCpf, at, token);
            await session.ExecuteAsync($"INSERT INTO {session.Table("punch_sequences")} (establishment_id, last_nsr, last_hash) VALUES (@p0, @p1, NULL)",
                token, establishment.Id.ToString(), head.Nsr);
            await BumpVersionAsync(session, token);
            return new EstablishmentSave(establishment, null);
        }, ct);

    /// <summary>
    /// Replaces an establishment; a change of what the AFD states of the employer (document, CNO/CAEPF, name, place of
    /// service) is a type 2 record under the next NSR. A document another establishment holds refuses the change.
    /// </summary>
    public Task<EstablishmentSave> UpdateEstablishmentAsync(Establishment establishment, string responsibleCpf, DateTimeOffset at, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            var heads = await LedgerHeads.LockAsync(session, [establishment.Id.ToString()], token);
            if (await HolderOfAsync(session, establishment, token) is { } holder)
            {
                return new EstablishmentSave(null, holder);
            }

            var before = (await session.ReadAllAsync($"SELECT {EstablishmentColumns} FROM {session.Table("punch_establishments")} WHERE id = @p0",
                ReadEstablishment, token, establishment.Id.ToString())).Single();
            var saved = establishment with { CreatedAt = before.CreatedAt };
            await session.ExecuteAsync(
                $"""
                UPDATE {session.Table("punch_establishments")} SET document_type = @p1, document = @p2, cno_caepf = @p3, legal_name = @p4,
                inpi = @p5, time_zone = @p6, updated_at = @p8, place = @p9 WHERE id = @p0
                """,
                token, EstablishmentValues(saved));
            if (before.EmployerDiffers(saved))
            {
                await LegalRecords.AppendEmployerAsync(session, heads[saved.Id.ToString()], saved, responsibleCpf, at, token);
                await LedgerHeads.SaveAsync(session, heads, token);
            }

            await BumpVersionAsync(session, token);
            return new EstablishmentSave(saved, null);
        }, ct);

    /// <summary>The other establishment holding <paramref name="establishment"/>'s document, if any.</summary>
    private static async Task<Guid?> HolderOfAsync(JournalSession session, Establishment establishment, CancellationToken ct)
    {
        await using var command = session.Command(
            $"SELECT id FROM {session.Table("punch_establishments")} WHERE document = @p0 AND id <> @p1", establishment.Document, establishment.Id.ToString());
        return await command.ExecuteScalarAsync(ct) is string id ? Guid.Parse(id) : null;
    }

    public Task<Device> SaveDeviceAsync(Device device, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            await session.ExecuteAsync(
                $"""
                INSERT INTO {session.Table("punch_devices")} ({DeviceColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)
                ON CONFLICT (serial) DO UPDATE SET establishment_id = excluded.establishment_id, time_zone = excluded.time_zone,
                updated_at = excluded.updated_at, key_hash = excluded.key_hash, networks = excluded.networks
                """,
                token, device.Serial, device.EstablishmentId.ToString(), device.TimeZone, UnixTime.ToMs(device.CreatedAt), UnixTime.ToMs(device.UpdatedAt),
                device.KeyHash, device.Networks is { Count: > 0 } networks ? string.Join(',', networks) : null);
            await BumpVersionAsync(session, token);
            return device;
        }, ct);

    /// <summary>
    /// Creates or changes employees of one establishment in one transaction, writing an AFD type 5 record (with
    /// the next NSR) for each inclusion, alteration of name or CPF, exclusion (deactivation) or re-inclusion.
    /// <paramref name="plan"/> decides the changes from the establishment's employees as they are now, read after
    /// its ledger head is locked, so concurrent changes to one establishment take turns and never collide.
    /// </summary>
    public Task<T> SaveEmployeesAsync<T>(
        Guid establishmentId, Func<IReadOnlyList<Employee>, (IReadOnlyList<EmployeeChange> Changes, T Result)> plan, string responsibleCpf,
        DateTimeOffset now, CancellationToken ct) =>
        database.WriteAsync(async (session, token) =>
        {
            var heads = await LedgerHeads.LockAsync(session, [establishmentId.ToString()], token);
            var head = heads[establishmentId.ToString()];
            var current = await session.ReadAllAsync($"SELECT {EmployeeColumns} FROM {session.Table("punch_employees")} WHERE establishment_id = @p0",
                ReadEmployee, token, establishmentId.ToString());
            var (changes, result) = plan(current);
            foreach (var change in changes)
            {
                var employee = change.Result!;
                if (change.Before is null)
                {
                    await session.ExecuteAsync($"INSERT INTO {session.Table("punch_employees")} ({EmployeeColumns}) VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9)",
                        token, EmployeeValues(employee));
                }
                else
                {
                    await session.ExecuteAsync(
                        $"""
                        UPDATE {session.Table("punch_employees")} SET code = @p2, name = @p3, cpf = @p4, pin = @p5, web_pin_hash = @p6, active = @p7, updated_at = @p9
                        WHERE id = @p0
                        """,
                        token, EmployeeValues(employee));
                }

                if (AfdOperation(change.Before, employee) is { } operation)
                {
                    await LegalRecords.AppendEmployeeAsync(session, head, employee, operation, responsibleCpf, now, token);
                }
            }

            if (changes.Count > 0)
            {
                await LedgerHeads.SaveAsync(session, heads, token);
                await BumpVersionAsync(session, token);
            }

            return result;
        }, ct);

    /// <summary>I (inclusion), A (alteration of what the AFD shows: name or CPF), E (exclusion); null when the AFD does not change.</summary>
    private static string? AfdOperation(Employee? before, Employee after) => (before, after) switch
    {
        (null, { Active: true }) => "I",
        (null, _) => null,
        ({ Active: true }, { Active: false }) => "E",
        ({ Active: false }, { Active: true }) => "I",
        ({ Active: true }, _) when before.Name != after.Name || before.Cpf != after.Cpf => "A",
        _ => null,
    };

    public Task<long> VersionAsync(CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            await using var command = session.Command($"SELECT version FROM {session.Table("punch_registry")} WHERE id = 1");
            return Convert.ToInt64(await command.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
        }, ct);

    /// <summary>Everything, for the in-memory directory: a few thousand rows per site.</summary>
    public Task<RegistrySnapshot> LoadAsync(CancellationToken ct) =>
        database.ReadAsync(async (session, token) =>
        {
            long version;
            await using (var command = session.Command($"SELECT version FROM {session.Table("punch_registry")} WHERE id = 1"))
            {
                version = Convert.ToInt64(await command.ExecuteScalarAsync(token), CultureInfo.InvariantCulture);
            }

            var establishments = await session.ReadAllAsync($"SELECT {EstablishmentColumns} FROM {session.Table("punch_establishments")}", ReadEstablishment, token);
            var employees = await session.ReadAllAsync($"SELECT {EmployeeColumns} FROM {session.Table("punch_employees")}", ReadEmployee, token);
            var devices = await session.ReadAllAsync($"SELECT {DeviceColumns} FROM {session.Table("punch_devices")}", ReadDevice, token);
            return new RegistrySnapshot(version, establishments, employees, devices);
        }, ct);

    private static async Task BumpVersionAsync(JournalSession session, CancellationToken ct) =>
        await session.ExecuteAsync($"UPDATE {session.Table("punch_registry")} SET version = version + 1 WHERE id = 1", ct);

    private static object?[] EstablishmentValues(Establishment e) =>
        [e.Id.ToString(), e.DocumentType, e.Document, e.CnoCaepf, e.LegalName, e.InpiNumber, e.TimeZone, UnixTime.ToMs(e.CreatedAt), UnixTime.ToMs(e.UpdatedAt), e.Place];

    private static object?[] EmployeeValues(Employee e) =>
        [e.Id.ToString(), e.EstablishmentId.ToString(), e.Code, e.Name, e.Cpf, e.Pin, e.WebPinHash, e.Active ? 1 : 0, UnixTime.ToMs(e.CreatedAt), UnixTime.ToMs(e.UpdatedAt)];

    private static Establishment ReadEstablishment(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture), r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetString(4),
        r.GetString(5), r.GetString(6), UnixTime.FromMs(r.GetInt64(7)), UnixTime.FromMs(r.GetInt64(8)), r.IsDBNull(9) ? null : r.GetString(9));

    private static Employee ReadEmployee(DbDataReader r) => new(
        Guid.Parse(r.GetString(0)), Guid.Parse(r.GetString(1)), r.GetString(2), r.GetString(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), Convert.ToInt32(r.GetValue(7), CultureInfo.InvariantCulture) != 0,
        UnixTime.FromMs(r.GetInt64(8)), UnixTime.FromMs(r.GetInt64(9)));

    private static Device ReadDevice(DbDataReader r) => new(
        r.GetString(0), Guid.Parse(r.GetString(1)), r.GetString(2), UnixTime.FromMs(r.GetInt64(3)), UnixTime.FromMs(r.GetInt64(4)),
        r.IsDBNull(5) ? null : r.GetString(5),
        r.IsDBNull(6) ? [] : [.. r.GetString(6).Split(',').Select(Adms.AdmsNetworks.Parse)]);
}

/// <summary>One employee's change: the row as it was (null when new) and as it will be.</summary>
internal sealed record EmployeeChange(Employee? Before, Employee? Result);

/// <summary>What saving an establishment did: <paramref name="Saved"/>, or nothing because <paramref name="ConflictWith"/> holds its document.</summary>
internal sealed record EstablishmentSave(Establishment? Saved, Guid? ConflictWith);

internal sealed record RegistrySnapshot(long Version, IReadOnlyList<Establishment> Establishments, IReadOnlyList<Employee> Employees, IReadOnlyList<Device> Devices);
