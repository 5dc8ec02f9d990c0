namespace Sluice.Punches.Registry;

/// <param name="DocumentType">1 CNPJ, 2 CPF, as the AFD header codes it.</param>
/// <param name="Place">Where the service is rendered ("local de prestação de serviço"), when it is not the employer's own address.</param>
internal sealed record Establishment(
    Guid Id, int DocumentType, string Document, string? CnoCaepf, string LegalName, string InpiNumber, string TimeZone,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? Place = null)
{
    public EstablishmentView View() =>
        new(Id, DocumentType == 1 ? "cnpj" : "cpf", Document, CnoCaepf, LegalName, InpiNumber, TimeZone, CreatedAt, UpdatedAt) { Place = Place };

    /// <summary>Whether <paramref name="other"/> differs in what an AFD type 2 record states (Portaria 671, Anexo V).</summary>
    public bool EmployerDiffers(Establishment other) =>
        DocumentType != other.DocumentType || Document != other.Document || CnoCaepf != other.CnoCaepf
        || LegalName != other.LegalName || Place != other.Place;
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
