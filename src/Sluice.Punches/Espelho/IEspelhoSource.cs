using Sluice.Punches.Registry;

namespace Sluice.Punches.Espelho;

/// <summary>
/// What the Espelho reads besides the registry: an employee's markings with their source and their terms of
/// employment. <see cref="TreatedEspelhoSource"/> reads them from the treatment program; the Espelho itself only
/// knows markings and terms, so it does not change when the treatment program's storage does.
/// </summary>
internal interface IEspelhoSource
{
    /// <summary>The employee's markings whose instants fall in [<paramref name="from"/>, <paramref name="to"/>), disregarded ones included.</summary>
    Task<IReadOnlyList<Marking>> MarkingsAsync(Employee employee, DateTimeOffset from, DateTimeOffset to, CancellationToken ct);

    /// <summary>Admission date, role and contractual schedule as far as they are known.</summary>
    Task<EmploymentTerms> TermsAsync(Employee employee, CancellationToken ct);
}

/// <param name="Admission">Admission date ("data de admissão").</param>
/// <param name="Role">Role or function ("cargo/função").</param>
/// <param name="Schedule">The contractual schedule and daily duration as the contract states it, e.g. "Seg–Sex 08:00–12:00 13:00–17:00 (8h)".</param>
internal sealed record EmploymentTerms(DateOnly? Admission = null, string? Role = null, string? Schedule = null)
{
    public static readonly EmploymentTerms Unknown = new();
}
