namespace Sluice.Punches.Registry;

/// <summary>An establishment as HR creates or replaces it.</summary>
/// <param name="DocumentType"><c>cnpj</c> or <c>cpf</c>: what identifies the employer.</param>
/// <param name="Document">The employer's CNPJ or CPF, punctuated or not.</param>
/// <param name="CnoCaepf">CNO or CAEPF, when the employer has one (digits, at most 14).</param>
/// <param name="InpiNumber">This REP-P's INPI program registration number, e.g. <c>BR512026000001-7</c> (see <see cref="InpiNumbers"/>).</param>
/// <param name="TimeZone">IANA zone, e.g. <c>America/Sao_Paulo</c>; every punch time is expressed in it.</param>
public sealed record EstablishmentRequest(string? DocumentType, string? Document, string? CnoCaepf, string? LegalName, string? InpiNumber, string? TimeZone)
{
    /// <summary>Where the work is done ("local de prestação de serviço"), when not at the employer's address; at most 100 characters.</summary>
    public string? Place { get; init; }
}

public sealed record EstablishmentView(
    Guid Id, string DocumentType, string Document, string? CnoCaepf, string LegalName, string InpiNumber, string TimeZone,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public string? Place { get; init; }
}

/// <summary>An employee as HR creates or replaces them.</summary>
/// <param name="Code">The employer's code for the employee, e.g. <c>1001</c>; unique in the establishment.</param>
/// <param name="Pin">What devices send for the employee (ADMS PIN); unique in the establishment.</param>
/// <param name="WebPin">For the web punch page; stored only as a salted hash. On update, leaving it out keeps the old one.</param>
/// <param name="Active">Inactive employees cannot punch (default true).</param>
/// <remarks>Who made the change (the AFD's "CPF do responsável") is the caller, not a field: see <see cref="ResponsiblePerson"/>.</remarks>
public sealed record EmployeeRequest(string? Code, string? Name, string? Cpf, string? Pin, string? WebPin, bool? Active);

public sealed record EmployeeView(
    Guid Id, Guid EstablishmentId, string Code, string Name, string Cpf, string? Pin, bool HasWebPin, bool Active,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>An ADMS device allowed to push punches for an establishment.</summary>
/// <param name="TimeZone">IANA zone of the device's clock, which sends local times without an offset; default the establishment's.</param>
/// <param name="CommKey">
/// The device's push comm key (its menu: Cloud Server / ADMS settings), which firmware sends as <c>pushcommkey</c> on its
/// handshake; stored only as a salted hash. On update, leaving it out keeps the old one.
/// </param>
/// <param name="Networks">Addresses or CIDR networks the device may call from (e.g. <c>10.1.2.0/24</c>); empty: any. Left out: unchanged.</param>
public sealed record DeviceRequest(string? Serial, string? TimeZone, string? CommKey = null, string[]? Networks = null);

public sealed record DeviceView(
    string Serial, Guid EstablishmentId, string TimeZone, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, bool HasCommKey, string[] Networks);

/// <summary>What a CSV import did: good rows are stored, each bad row is reported and skipped.</summary>
public sealed record EmployeeImportResult(int Created, int Updated, int Unchanged, IReadOnlyList<EmployeeImportError> Errors);

/// <param name="Row">1-based line number in the file (the header is line 1).</param>
public sealed record EmployeeImportError(int Row, string Field, string Reason);
