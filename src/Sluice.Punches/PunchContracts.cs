using System.Text.Json.Serialization;
using Sluice.Intake;
using Sluice.Punches.Ledger;

namespace Sluice.Punches;

/// <summary>A punch as a device or app sends it. The employee is named by exactly one of code, CPF or device PIN.</summary>
/// <param name="EmployeeId">The employee's code at the employer, e.g. <c>1001</c>.</param>
/// <param name="PunchedAt">When the employee punched, on the collector's clock, ISO 8601 with offset, e.g. <c>2026-11-22T08:00:03-03:00</c>.</param>
/// <param name="DeviceId">The device or app that collected it (optional; at most 64).</param>
public sealed record PunchRequest(string? EmployeeId, string? PunchedAt, string? DeviceId)
{
    /// <summary>The employee's CPF, punctuated or not.</summary>
    public string? Cpf { get; init; }

    /// <summary>The employee's device PIN.</summary>
    public string? Pin { get; init; }

    /// <summary>Needed only when the code, CPF or PIN is registered in more than one establishment.</summary>
    public Guid? EstablishmentId { get; init; }

    /// <summary><c>app</c>, <c>browser</c>, <c>desktop</c>, <c>device</c> or <c>other</c> (the default).</summary>
    public string? Collector { get; init; }

    /// <summary>Collected while the collector was offline and sent once it was back.</summary>
    public bool? Offline { get; init; }

    /// <summary>The collector's own id for this punch: a repeat with the same id is the same punch (idempotency key).</summary>
    public string? ClientPunchId { get; init; }
}

/// <summary>Proof that the punch is stored: sent only after the commit, with the NSR and hash the ledger gave it.</summary>
public sealed record PunchReceipt(Guid Id, DateTimeOffset ReceivedAt, string Status)
{
    public long Nsr { get; init; }

    public string? Hash { get; init; }

    public Guid EstablishmentId { get; init; }

    /// <summary>The employee's code, as a punch names them and as <c>GET /api/punches/{id}</c> shows it.</summary>
    public string? EmployeeId { get; init; }

    /// <summary>Sluice's own id for the employee, as in <c>/api/employees/{id}</c>.</summary>
    public Guid EmployeeInternalId { get; init; }

    public DateTimeOffset PunchedAt { get; init; }
}

/// <summary>The punch as stored and as delivered to the legacy system.</summary>
public sealed record PunchMessage(Guid Id, string EmployeeId, DateTimeOffset PunchedAt, string? DeviceId, DateTimeOffset ReceivedAt)
{
    public Guid EstablishmentId { get; init; }

    public string? Cpf { get; init; }

    public string? Collector { get; init; }

    public bool Offline { get; init; }

    /// <summary>Left out until the ledger assigns it inside the commit, which adds it to the payload (<see cref="PunchNumbers"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public long Nsr { get; init; }

    /// <summary>Left out until the ledger assigns it inside the commit, which adds it to the payload (<see cref="PunchNumbers"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public string? Hash { get; init; }

    /// <summary>The punch as intake knows it before the commit: everything but its NSR and hash.</summary>
    internal static PunchMessage From(Guid id, PunchDraft draft) => new(id, draft.EmployeeCode, draft.PunchedAt, draft.DeviceId, draft.RecordedAt)
    {
        EstablishmentId = draft.EstablishmentId,
        Cpf = draft.Cpf,
        Collector = draft.Collector.Name(),
        Offline = draft.Offline,
    };
}

/// <summary>A stored punch and where its delivery stands.</summary>
public sealed record PunchView(
    Guid Id,
    string EmployeeId,
    DateTimeOffset PunchedAt,
    string? DeviceId,
    DateTimeOffset ReceivedAt,
    string Status,
    IReadOnlyList<DeliveryView> Deliveries)
{
    public long Nsr { get; init; }

    public string? Hash { get; init; }
}
