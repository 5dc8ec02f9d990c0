using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Security;

namespace Sluice.Punches.Registry;

/// <summary>Establishments, their employees and devices: the HR side of the punch clock.</summary>
internal static class EstablishmentEndpoints
{
    internal static async Task<Results<Created<EstablishmentView>, ValidationProblem, ProblemHttpResult>> CreateEstablishmentAsync(
        EstablishmentRequest? request, ClaimsPrincipal caller, RegistryStore store, EmployeeDirectory directory, IOptions<PunchesOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var errors = RegistryValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The establishment is not valid; nothing was stored.");
        }

        if (ResponsiblePerson.Cpf(caller, options.Value.ResponsibleCpfClaim) is not { } responsible)
        {
            return ResponsiblePerson.Missing(caller, options.Value.ResponsibleCpfClaim);
        }

        var now = time.GetUtcNow();
        var establishment = ToEstablishment(Guid.CreateVersion7(now), request!, now, now);
        var save = await store.CreateEstablishmentAsync(establishment, responsible, ZoneTime.InZone(now, Zone(establishment)), ct);
        if (save.ConflictWith is { } existing)
        {
            return Problems.DocumentTaken(existing);
        }

        await directory.ReloadAsync(ct);
        return TypedResults.Created($"/api/establishments/{establishment.Id}", establishment.View());
    }

    internal static async Task<Results<Ok<EstablishmentView>, ValidationProblem, ProblemHttpResult>> UpdateEstablishmentAsync(
        Guid id, EstablishmentRequest? request, ClaimsPrincipal caller, RegistryStore store, EmployeeDirectory directory, IOptions<PunchesOptions> options,
        TimeProvider time, CancellationToken ct)
    {
        var errors = RegistryValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The establishment is not valid; nothing was changed.");
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Establishments.TryGetValue(id, out var existing))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        if (ResponsiblePerson.Cpf(caller, options.Value.ResponsibleCpfClaim) is not { } responsible)
        {
            return ResponsiblePerson.Missing(caller, options.Value.ResponsibleCpfClaim);
        }

        var now = time.GetUtcNow();
        var updated = ToEstablishment(id, request!, existing.CreatedAt, now);
        var save = await store.UpdateEstablishmentAsync(updated, responsible, ZoneTime.InZone(now, Zone(updated)), ct);
        if (save.ConflictWith is { } holder)
        {
            return Problems.DocumentTaken(holder);
        }

        await directory.ReloadAsync(ct);
        return TypedResults.Ok(save.Saved!.View());
    }

    internal static async Task<Ok<EstablishmentView[]>> ListEstablishmentsAsync(EmployeeDirectory directory, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        return TypedResults.Ok(snapshot.Establishments.Values.OrderBy(e => e.Id).Select(e => e.View()).ToArray());
    }

    internal static async Task<Results<Ok<EstablishmentView>, ProblemHttpResult>> GetEstablishmentAsync(
        Guid id, EmployeeDirectory directory, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        return snapshot.Establishments.TryGetValue(id, out var establishment)
            ? TypedResults.Ok(establishment.View())
            : Problems.NotFound("No establishment with this id.");
    }

    internal static async Task<Results<Ok<DeviceView>, ValidationProblem, ProblemHttpResult>> SaveDeviceAsync(
        Guid id, DeviceRequest? request, RegistryStore store, EmployeeDirectory directory, TimeProvider time, CancellationToken ct)
    {
        var errors = RegistryValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The device is not valid; nothing was stored.");
        }

        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Establishments.TryGetValue(id, out var establishment))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        var now = time.GetUtcNow();
        var existing = snapshot.Devices.GetValueOrDefault(request!.Serial!);
        var device = await store.SaveDeviceAsync(
            new Device(
                request.Serial!, id, request.TimeZone ?? establishment.TimeZone, existing?.CreatedAt ?? now, now,
                request.CommKey is { } key ? Adms.AdmsCommKey.Hash(key) : existing?.KeyHash,
                request.Networks is { } networks ? [.. networks.Select(Adms.AdmsNetworks.Parse)] : existing?.Networks ?? []),
            ct);
        await directory.ReloadAsync(ct);
        return TypedResults.Ok(device.View());
    }

    internal static async Task<Results<Ok<DeviceView[]>, ProblemHttpResult>> ListDevicesAsync(
        Guid id, EmployeeDirectory directory, CancellationToken ct)
    {
        var snapshot = await directory.RefreshIfStaleAsync(ct);
        if (!snapshot.Establishments.ContainsKey(id))
        {
            return Problems.NotFound("No establishment with this id.");
        }

        return TypedResults.Ok(snapshot.Devices.Values.Where(d => d.EstablishmentId == id).OrderBy(d => d.Serial, StringComparer.Ordinal)
            .Select(d => d.View()).ToArray());
    }

    private static TimeZoneInfo Zone(Establishment establishment) => TimeZoneInfo.FindSystemTimeZoneById(establishment.TimeZone);

    private static Establishment ToEstablishment(Guid id, EstablishmentRequest request, DateTimeOffset createdAt, DateTimeOffset updatedAt) => new(
        id,
        request.DocumentType!.Equals("cnpj", StringComparison.OrdinalIgnoreCase) ? 1 : 2,
        BrazilianDocuments.Digits(request.Document),
        string.IsNullOrEmpty(request.CnoCaepf) ? null : BrazilianDocuments.Digits(request.CnoCaepf),
        request.LegalName!.Trim(),
        InpiNumbers.Normalize(request.InpiNumber)!,
        request.TimeZone!,
        createdAt,
        updatedAt,
        string.IsNullOrWhiteSpace(request.Place) ? null : request.Place.Trim());
}
