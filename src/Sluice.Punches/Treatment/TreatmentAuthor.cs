using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Treatment;

/// <summary>
/// Who makes a change to the treatment program, bound for each endpoint with <c>[AsParameters]</c>: the caller, the
/// setting that names the claim carrying their CPF, and the clock that stamps the change.
/// </summary>
internal sealed record TreatmentAuthor(ClaimsPrincipal Caller, IOptions<PunchesOptions> Options, TimeProvider Time)
{
    /// <summary>The CPF the change's record names (<see cref="ResponsiblePerson"/>); null when the credentials carry none.</summary>
    public string? Cpf => ResponsiblePerson.Cpf(Caller, Options.Value.ResponsibleCpfClaim);

    /// <summary>The refusal when <see cref="Cpf"/> is null.</summary>
    public ProblemHttpResult Missing() => ResponsiblePerson.Missing(Caller, Options.Value.ResponsibleCpfClaim);
}
