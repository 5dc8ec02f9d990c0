namespace Sluice.Punches.Registry;

/// <param name="DocumentType">1 CNPJ, 2 CPF, as the AFD header codes it.</param>
internal sealed record Establishment(
    Guid Id, int DocumentType, string Document, string? CnoCaepf, string LegalName, string InpiNumber, string TimeZone,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public EstablishmentView View() =>
        new(Id, DocumentType == 1 ? "cnpj" : "cpf", Document, CnoCaepf, LegalName, InpiNumber, TimeZone, CreatedAt, UpdatedAt);
}

internal sealed record Employee(
    Guid Id, Guid EstablishmentId, string Code, string Name, string Cpf, string? Pin, string? WebPinHash, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public EmployeeView View() => new(Id, EstablishmentId, Code, Name, Cpf, Pin, WebPinHash is not null, Active, CreatedAt, UpdatedAt);
}

/// <param name="KeyHash">The push comm key's salted hash (see <c>AdmsCommKey</c>); null: registered without one.</param>
/// <param name="Networks">Where the device may call from; empty: anywhere.</param>
internal sealed record Device(
    string Serial, Guid EstablishmentId, string TimeZone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    string? KeyHash = null, IReadOnlyList<System.Net.IPNetwork>? Networks = null)
{
    public DeviceView View() =>
        new(Serial, EstablishmentId, TimeZone, CreatedAt, UpdatedAt, KeyHash is not null, [.. (Networks ?? []).Select(n => n.ToString())]);
}
