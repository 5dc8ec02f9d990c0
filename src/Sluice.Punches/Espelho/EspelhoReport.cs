namespace Sluice.Punches.Espelho;

/// <summary>
/// The "relatório Espelho de Ponto" (Portaria 671 Art. 84): who employs whom, the period, each day's markings with
/// their source, and the worked durations with the reduced night hour. Times are in the establishment's zone.
/// </summary>
/// <param name="Title">"Espelho de Ponto".</param>
/// <param name="Employer">Art. 84 I: the employer as its type 2 record stood at the end of the period.</param>
/// <param name="Worker">Art. 84 II.</param>
/// <param name="IssuedAt">Art. 84 III: when this report was made.</param>
/// <param name="From">Art. 84 III: first day of the period.</param>
/// <param name="To">Art. 84 III: last day of the period.</param>
/// <param name="TimeZone">IANA zone the days and times are in.</param>
/// <param name="Schedule">Art. 84 IV: the contractual schedule and duration, when the treatment program holds one.</param>
/// <param name="Days">Art. 84 V and VI: every day of the period, in order, also days with no marking.</param>
/// <param name="Totals">Sums over <paramref name="Days"/>.</param>
public sealed record EspelhoReport(
    string Title,
    EspelhoEmployer Employer,
    EspelhoWorker Worker,
    DateTimeOffset IssuedAt,
    DateOnly From,
    DateOnly To,
    string TimeZone,
    string? Schedule,
    IReadOnlyList<EspelhoDay> Days,
    EspelhoTotals Totals)
{
    public const string DocumentTitle = "Espelho de Ponto";
}

/// <param name="DocumentType"><c>cnpj</c> or <c>cpf</c>.</param>
public sealed record EspelhoEmployer(string Name, string DocumentType, string Document, string? CnoCaepf);

/// <param name="Code">The employer's code for the worker ("matrícula").</param>
/// <param name="Admission">Admission date, when known.</param>
/// <param name="Role">Role or function, when known.</param>
public sealed record EspelhoWorker(Guid Id, string Code, string Name, string Cpf, DateOnly? Admission, string? Role);

/// <summary>One local day.</summary>
/// <param name="Markings">The markings of the shifts that started this day, disregarded ones too, in time order.</param>
/// <param name="WorkedMinutes">Real minutes between the day's in/out pairs.</param>
/// <param name="NightMinutes">Real minutes of those between 22:00 and 05:00.</param>
/// <param name="NightMinutesCounted"><paramref name="NightMinutes"/> counted with the 52 min 30 s night hour.</param>
/// <param name="DurationMinutes">The day's duration as Art. 84 VI asks: day minutes as they are, night minutes counted reduced.</param>
/// <param name="MissingPunch">A marking has no partner: the day cannot be closed as it stands.</param>
public sealed record EspelhoDay(
    DateOnly Date,
    IReadOnlyList<EspelhoMarking> Markings,
    int WorkedMinutes,
    int NightMinutes,
    int NightMinutesCounted,
    int DurationMinutes,
    bool MissingPunch);

/// <summary>A marking as the Espelho shows it.</summary>
/// <param name="At">In the establishment's zone.</param>
/// <param name="NextDay">Days after the row's date the marking falls on (a night shift's out), 0 for the same day.</param>
public sealed record EspelhoMarking(DateTimeOffset At, MarkingSource Source, long? Nsr, string? Collector, string? Reason, int NextDay);

/// <param name="DaysWorked">Days with at least one in/out pair.</param>
public sealed record EspelhoTotals(
    int WorkedMinutes, int NightMinutes, int NightMinutesCounted, int DurationMinutes, int DaysWorked, int DaysWithMissingPunch,
    int IncludedMarkings, int PreAssignedMarkings, int DisregardedMarkings);
