namespace Sluice.Punches.Treatment;

/// <summary>A contractual schedule as HR defines it for an establishment (the AEJ's "horário contratual", type 04).</summary>
/// <param name="Code">The establishment's code for it, 1 to 30 characters (the AEJ's <c>codHorContratual</c>); unique in the establishment.</param>
/// <param name="Name">What people call it, e.g. "Comercial 8h"; default the code.</param>
/// <param name="DailyMinutes">
/// The day's contractual duration in minutes (<c>durJornada</c>); for night work, counted with the reduced night hour
/// as the layout asks. Default: the sum of the pairs.
/// </param>
/// <param name="Pairs">Entry/exit times in order, e.g. 08:00–12:00 and 13:00–17:00; an exit before its entry is the next day.</param>
/// <param name="WeekDays">Days worked: <c>mon</c>, <c>tue</c>, <c>wed</c>, <c>thu</c>, <c>fri</c>, <c>sat</c>, <c>sun</c>.</param>
public sealed record ScheduleRequest(string? Code, string? Name, int? DailyMinutes, SchedulePair[]? Pairs, string[]? WeekDays);

/// <param name="Entry">Local time, <c>HH:mm</c>.</param>
/// <param name="Exit">Local time, <c>HH:mm</c>.</param>
public sealed record SchedulePair(string? Entry, string? Exit);

public sealed record ScheduleView(
    Guid Id, Guid EstablishmentId, string Code, string Name, int DailyMinutes, SchedulePair[] Pairs, string[] WeekDays,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ResponsibleCpf);

/// <summary>What the treatment program knows of an employee's contract.</summary>
/// <param name="AdmissionDate"><c>yyyy-MM-dd</c>.</param>
/// <param name="Role">The employee's role ("cargo"), 1 to 100 characters.</param>
/// <param name="ScheduleCode">The code of one of the establishment's schedules.</param>
public sealed record ContractRequest(string? AdmissionDate, string? Role, string? ScheduleCode);

public sealed record ContractView(
    Guid EmployeeId, DateOnly AdmissionDate, string Role, Guid ScheduleId, string ScheduleCode, DateTimeOffset UpdatedAt, string ResponsibleCpf);

/// <summary>A treated marking: never a change to a punch, always a record of its own with who, when and why.</summary>
/// <param name="Kind">
/// <c>included</c> (a forgotten punch), <c>disregarded</c> (an existing punch that should not count) or <c>preassigned</c>
/// (e.g. a lunch break marked by rule, CLT art. 74 §2).
/// </param>
/// <param name="PunchedAt">For included and pre-assigned markings: the time, with its offset, e.g. <c>2026-12-07T12:00:00-03:00</c>.</param>
/// <param name="Nsr">For a disregarded marking: the NSR of the employee's punch in the ledger.</param>
/// <param name="Reason">Why, 1 to 150 characters (the AEJ's <c>motivo</c>).</param>
public sealed record TreatmentRequest(string? Kind, string? PunchedAt, long? Nsr, string? Reason);

/// <param name="ResponsibleCpf">Who made it, from their credentials.</param>
/// <param name="CreatedAt">When it was made.</param>
public sealed record TreatmentView(
    Guid Id, Guid EmployeeId, string Kind, DateTimeOffset PunchedAt, long? Nsr, string Reason, string ResponsibleCpf, DateTimeOffset CreatedAt);

/// <summary>One marking as the treatment program counts it.</summary>
/// <param name="Source"><c>original</c> (a punch in the ledger), <c>included</c> or <c>preassigned</c>.</param>
/// <param name="Nsr">The ledger punch's NSR, for an original marking.</param>
/// <param name="TreatmentId">The treatment that included, pre-assigned or disregarded it.</param>
public sealed record MarkingView(
    DateTimeOffset At, string Source, long? Nsr, Guid? TreatmentId, string? Reason, string? ResponsibleCpf, DateTimeOffset? TreatedAt);

/// <summary>An employee's markings over a period: what counts, and the punches set aside (with why).</summary>
public sealed record EmployeeMarkingsView(Guid EmployeeId, DateOnly From, DateOnly To, MarkingView[] Effective, MarkingView[] Disregarded);
