using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Sluice.Security;

namespace Sluice.Punches.Registry;

/// <summary>
/// Who answers for a registry change: the AFD's "CPF do responsável" of type 2 and type 5 records. It is taken from the
/// caller's credentials, never from the request body, so a change cannot be signed with someone else's CPF: a person's
/// token carries it in a claim (<c>Punches:ResponsibleCpfClaim</c>, <c>cpf</c> by default, set by the identity
/// provider), an API key carries the CPF recorded when an admin created it.
/// </summary>
internal static class ResponsiblePerson
{
    /// <summary>The caller's CPF as 11 digits, or null when the credentials carry none (or one that is not a CPF).</summary>
    public static string? Cpf(ClaimsPrincipal caller, string claim)
    {
        // An API key's CPF is the one recorded on it; a token's, the identity provider's claim. Neither can stand in for the other.
        var value = caller.FindFirst(SluiceClaims.KeyId) is not null
            ? caller.FindFirst(SluiceClaims.ResponsibleCpf)?.Value
            : caller.FindFirst(claim)?.Value;
        return BrazilianDocuments.IsCpf(value) ? BrazilianDocuments.Digits(value) : null;
    }

    /// <summary>The refusal when there is no CPF: the change would leave a legal record naming nobody.</summary>
    public static ProblemHttpResult Missing(ClaimsPrincipal caller, string claim) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden,
        title: "Nothing was stored: the legal record must name who made this change, and these credentials carry no CPF.",
        detail: caller.FindFirst(SluiceClaims.KeyId) is not null
            ? "Registry changes through an API key need a key created with the CPF of the person responsible (\"responsibleCpf\")."
            : $"The token must carry the person's CPF in the '{claim}' claim (Punches:ResponsibleCpfClaim).",
        extensions: new Dictionary<string, object?> { ["field"] = "responsibleCpf" });
}
