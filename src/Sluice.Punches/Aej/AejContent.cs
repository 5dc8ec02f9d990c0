using Sluice.Punches.Afd;
using Sluice.Punches.Treatment;

namespace Sluice.Punches.Aej;

/// <summary>Everything one AEJ states, gathered before a line is written.</summary>
/// <param name="Inpi">This REP-P's INPI registration, digits (type 02's <c>nrRep</c>).</param>
/// <param name="Zone">The establishment's zone: markings are written on its clock.</param>
/// <param name="Employees">In the order they are numbered (type 03's <c>idtVinculoAej</c>, from 1).</param>
internal sealed record AejContent(
    AejEmployer Employer, string Inpi, DateOnly From, DateOnly To, DateTimeOffset GeneratedAt, TimeZoneInfo Zone,
    IReadOnlyList<AejSchedule> Schedules, IReadOnlyList<AejEmployee> Employees, AejProgram Program);

/// <param name="DocumentType">1 CNPJ, 2 CPF.</param>
internal sealed record AejEmployer(int DocumentType, string Document, string? CnoCaepf, string Name);

/// <param name="DailyMinutes">The AEJ's <c>durJornada</c>.</param>
internal sealed record AejSchedule(string Code, int DailyMinutes, IReadOnlyList<(TimeOnly Entry, TimeOnly Exit)> Pairs);

/// <param name="ScheduleCode">The contractual schedule of the employee's journeys.</param>
internal sealed record AejEmployee(string Cpf, string Name, string ScheduleCode, EmployeeMarkings Markings);

/// <summary>The treatment program and who develops it (type 08).</summary>
internal sealed record AejProgram(string Name, string Version, AfdDocumentType DeveloperType, string DeveloperDocument, string DeveloperName, string DeveloperEmail);
