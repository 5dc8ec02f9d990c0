using Sluice.Punches.Ledger;
using Sluice.Punches.Registry;

namespace Sluice.Punches.Espelho;

/// <summary>Gathers what one Espelho needs (registry, employer record, markings, terms) and builds it.</summary>
internal sealed class EspelhoReports(IEspelhoSource source, LedgerQueries ledger, TimeProvider time)
{
    public async Task<EspelhoReport> BuildAsync(Employee employee, DirectorySnapshot snapshot, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var zone = snapshot.Zone(employee.EstablishmentId);
        var (start, end) = EspelhoBuilder.Window(from, to, zone);
        var markings = await source.MarkingsAsync(employee, start, end, ct);
        var terms = await source.TermsAsync(employee, ct);
        // The employer as recorded by the end of the period, as the AFD of the same period states it in its header.
        var employers = await ledger.EmployersAsync(employee.EstablishmentId, ct);
        var employer = employers.InForceBefore(ZoneTime.StartOfDay(to.AddDays(1), zone), snapshot.Establishments[employee.EstablishmentId]);
        return EspelhoBuilder.Build(employer, employee, terms, markings, zone, from, to, time.GetUtcNow());
    }

    /// <summary>"espelho-1001-2026-11-01-2026-11-30", without extension.</summary>
    public static string FileName(EspelhoReport report) =>
        $"espelho-{Safe(report.Worker.Code)}-{report.From:yyyy-MM-dd}-{report.To:yyyy-MM-dd}";

    private static string Safe(string code) => string.Concat(code.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
