using Sluice.Intake;

namespace Sluice.Punches;

/// <summary>A punch as a device or app sends it.</summary>
/// <param name="EmployeeId">The employee's id at the employer (letters, digits, '.', '_' or '-'; at most 32).</param>
/// <param name="PunchedAt">When the employee punched, ISO 8601 with offset, e.g. <c>2026-11-22T08:00:03-03:00</c>.</param>
/// <param name="DeviceId">The device or app that collected it (optional; at most 64).</param>
public sealed record PunchRequest(string? EmployeeId, string? PunchedAt, string? DeviceId);

/// <summary>Proof that the punch is stored: sent only after the commit.</summary>
public sealed record PunchReceipt(Guid Id, DateTimeOffset ReceivedAt, string Status);

/// <summary>The punch as stored and as delivered to the legacy system.</summary>
public sealed record PunchMessage(Guid Id, string EmployeeId, DateTimeOffset PunchedAt, string? DeviceId, DateTimeOffset ReceivedAt);

/// <summary>A stored punch and where its delivery stands.</summary>
public sealed record PunchView(
    Guid Id,
    string EmployeeId,
    DateTimeOffset PunchedAt,
    string? DeviceId,
    DateTimeOffset ReceivedAt,
    string Status,
    IReadOnlyList<DeliveryView> Deliveries);
