namespace Sluice.Punches.Afd;

/// <summary>Employer identification in the AFD header (field 3): 1 CNPJ, 2 CPF.</summary>
internal enum AfdDocumentType
{
    Cnpj = 1,
    Cpf = 2,
}

/// <summary>What the type 1 header of an AFD says: who keeps the records, which REP-P, which period.</summary>
/// <param name="EmployerDocumentType">Whether <paramref name="EmployerDocument"/> is a CNPJ or a CPF.</param>
/// <param name="EmployerDocument">Employer CNPJ or CPF; digits, punctuation ('.', '-', '/') allowed.</param>
/// <param name="CnoOrCaepf">CNO or CAEPF when the employer has one; null writes the field blank.</param>
/// <param name="LegalName">Employer legal name (truncated to 150 characters).</param>
/// <param name="Inpi">INPI registration number of this REP-P (truncated to 17 characters).</param>
/// <param name="From">First day of the period the file covers.</param>
/// <param name="To">Last day of the period the file covers.</param>
/// <param name="GeneratedAt">When the file was generated, with the establishment's offset.</param>
/// <param name="DeveloperDocumentType">Whether <paramref name="DeveloperDocument"/> is a CNPJ or a CPF.</param>
/// <param name="DeveloperDocument">CNPJ or CPF of the REP-P's developer.</param>
internal sealed record AfdHeader(
    AfdDocumentType EmployerDocumentType,
    string EmployerDocument,
    string? CnoOrCaepf,
    string LegalName,
    string Inpi,
    DateOnly From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    AfdDocumentType DeveloperDocumentType,
    string DeveloperDocument);
