using System.Globalization;

namespace Sluice.Punches.Treatment;

/// <summary>A contractual schedule as stored.</summary>
/// <param name="WeekDays">ISO day numbers, Monday 1 to Sunday 7.</param>
internal sealed record Schedule(
    Guid Id, Guid EstablishmentId, string Code, string Name, int DailyMinutes, IReadOnlyList<(TimeOnly Entry, TimeOnly Exit)> Pairs,
    IReadOnlyList<int> WeekDays, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string ResponsibleCpf)
{
    public static readonly string[] DayNames = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    public ScheduleView View() => new(
        Id, EstablishmentId, Code, Name, DailyMinutes, [.. Pairs.Select(p => new SchedulePair(p.Entry.ToString("HH:mm", CultureInfo.InvariantCulture), p.Exit.ToString("HH:mm", CultureInfo.InvariantCulture)))],
        [.. WeekDays.Select(d => DayNames[d - 1])], CreatedAt, UpdatedAt, ResponsibleCpf);

    /// <summary>Whether <paramref name="day"/> is one this schedule works.</summary>
    public bool Works(DayOfWeek day) => WeekDays.Contains(day == DayOfWeek.Sunday ? 7 : (int)day);
}

internal sealed record Contract(
    Guid EmployeeId, Guid EstablishmentId, DateOnly AdmissionDate, string Role, Guid ScheduleId, DateTimeOffset UpdatedAt, string ResponsibleCpf);

/// <summary>How a treated marking came about; the codes are the AEJ's (<c>fonteMarc</c> and <c>tpMarc</c> D).</summary>
internal enum TreatmentKind
{
    Included,
    Disregarded,
    PreAssigned,
}

/// <summary>A treated marking as stored: never changed, never deleted.</summary>
/// <param name="PunchedAt">The marking's time; for a disregarded one, the ledger punch's.</param>
/// <param name="Nsr">For a disregarded marking, the ledger punch it sets aside.</param>
internal sealed record Treatment(
    Guid Id, Guid EstablishmentId, Guid EmployeeId, TreatmentKind Kind, DateTimeOffset PunchedAt, long? Nsr, string Reason,
    string ResponsibleCpf, DateTimeOffset CreatedAt)
{
    public static string Name(TreatmentKind kind) => kind switch
    {
        TreatmentKind.Included => "included",
        TreatmentKind.Disregarded => "disregarded",
        _ => "preassigned",
    };

    public static TreatmentKind? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        "included" => TreatmentKind.Included,
        "disregarded" => TreatmentKind.Disregarded,
        "preassigned" => TreatmentKind.PreAssigned,
        _ => null,
    };

    public TreatmentView View() => new(Id, EmployeeId, Name(Kind), PunchedAt, Nsr, Reason, ResponsibleCpf, CreatedAt);
}
