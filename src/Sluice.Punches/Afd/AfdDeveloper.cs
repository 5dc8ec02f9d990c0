using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Afd;

/// <summary>The AFD header's developer fields (type 1 fields 12 and 13): who develops this REP-P.</summary>
internal sealed record AfdDeveloper(AfdDocumentType Type, string Document)
{
    /// <summary>The developer of <c>Punches:DeveloperDocument</c>, its kind told by its length; null when unset or not a CPF/CNPJ.</summary>
    public static AfdDeveloper? From(string? configured)
    {
        if (!BrazilianDocuments.IsCpfOrCnpj(configured))
        {
            return null;
        }

        var digits = BrazilianDocuments.Digits(configured);
        return new AfdDeveloper(digits.Length == 11 ? AfdDocumentType.Cpf : AfdDocumentType.Cnpj, digits);
    }

    /// <summary>
    /// A header whose developer CNPJ is blank while its type says CNPJ is rejected by AFD readers, so no file is
    /// better than that one. This is the operator's setting, not the caller's input: the problem says which setting.
    /// </summary>
    public static ProblemHttpResult Missing() => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "The AFD cannot be written: this Sluice does not know its developer's CNPJ/CPF.",
        detail: "Set Punches:DeveloperDocument (the REP-P developer's CNPJ or CPF) and restart; the AFD header must name the developer.",
        extensions: new Dictionary<string, object?> { ["field"] = "Punches:DeveloperDocument" });
}
