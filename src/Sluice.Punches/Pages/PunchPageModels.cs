namespace Sluice.Punches.Pages;

/// <summary>The Art. 79 receipt ("Comprovante de Registro de Ponto do Trabalhador") of one punch.</summary>
/// <param name="Nsr">The punch's NSR.</param>
/// <param name="EmployerName">Employer legal name.</param>
/// <param name="EmployerDocument">Employer CNPJ (14 digits) or CPF (11 digits); shown punctuated.</param>
/// <param name="EmployerCnoOrCaepf">CNO or CAEPF, when the employer has one.</param>
/// <param name="PlaceOfWork">Where the work is done, when it is not the establishment (external work).</param>
/// <param name="WorkerName">Worker name.</param>
/// <param name="WorkerCpf">Worker CPF (11 digits); shown punctuated.</param>
/// <param name="PunchedAt">When the worker punched, shown to the second with its own offset: pass it in the establishment's zone.</param>
/// <param name="Inpi">INPI registration number of the REP-P.</param>
/// <param name="Hash">SHA-256 of the punch record (hex).</param>
/// <param name="ReceiptPath">Link to the printable receipt (<c>/api/punches/{id}/receipt</c>), when there is one.</param>
/// <param name="PdfPath">Link to the receipt's signed PDF, when the page offers one.</param>
public sealed record PunchReceiptModel(
    long Nsr,
    string EmployerName,
    string EmployerDocument,
    string? EmployerCnoOrCaepf,
    string? PlaceOfWork,
    string WorkerName,
    string WorkerCpf,
    DateTimeOffset PunchedAt,
    string Inpi,
    string Hash,
    string? ReceiptPath = null,
    string? PdfPath = null);

/// <summary>The punch form.</summary>
/// <param name="Employee">Pre-filled CPF or id (after an error); the PIN is never echoed back.</param>
/// <param name="Action">Where the form posts.</param>
/// <param name="Antiforgery">Hidden anti-forgery field (name, token) when the endpoint checks one.</param>
/// <param name="Heading">Name shown above the form (establishment), when known.</param>
/// <param name="Clock">The establishment's clock when the page was made (shown to the second), when there is one zone to show.</param>
public sealed record PunchFormModel(
    string? Employee = null,
    string Action = PunchPages.FormPath,
    (string Name, string Token)? Antiforgery = null,
    string? Heading = null,
    DateTimeOffset? Clock = null);

/// <summary>The error screen: what was wrong, then the form again.</summary>
/// <param name="Problems">One sentence per problem, e.g. "PIN incorreto." (Portuguese, shown as given).</param>
/// <param name="Form">The form shown under the problems, pre-filled.</param>
public sealed record PunchErrorModel(IReadOnlyList<string> Problems, PunchFormModel Form);
