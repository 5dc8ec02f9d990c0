namespace Sluice.Punches.Ledger;

/// <summary>A type 7 record as the ledger holds it.</summary>
internal sealed record LedgerPunch(
    Guid EstablishmentId, long Nsr, Guid MessageId, Guid EmployeeId, string Cpf, DateTimeOffset PunchedAt, DateTimeOffset RecordedAt,
    PunchCollector Collector, bool Offline, string Hash, string? DeviceId);
