using Sluice.Punches.Ledger;

namespace Sluice.Punches.Treatment;

/// <summary>Where a marking the treatment program counts came from (the AEJ's <c>fonteMarc</c> O, I and P).</summary>
internal enum MarkingSource
{
    Original,
    Included,
    PreAssigned,
}

/// <summary>One marking: a ledger punch (with its NSR) or a treated one (with who made it, when and why).</summary>
/// <param name="At">The marking's time, with the offset it was recorded with.</param>
/// <param name="Reason">Why it was included, pre-assigned or, for a disregarded punch, set aside; null for an untreated punch.</param>
internal sealed record Marking(
    DateTimeOffset At, MarkingSource Source, long? Nsr, Guid? TreatmentId = null, string? Reason = null, string? ResponsibleCpf = null,
    DateTimeOffset? TreatedAt = null)
{
    public static string Name(MarkingSource source) => source switch
    {
        MarkingSource.Original => "original",
        MarkingSource.Included => "included",
        _ => "preassigned",
    };

    public MarkingView View() => new(At, Name(Source), Nsr, TreatmentId, Reason, ResponsibleCpf, TreatedAt);
}

/// <summary>
/// An employee's markings over a period: <see cref="Effective"/> (the punches plus included and pre-assigned markings,
/// minus the disregarded ones) in time order, and <see cref="Disregarded"/>, the punches set aside, each with its reason.
/// </summary>
internal sealed record EmployeeMarkings(Guid EmployeeId, IReadOnlyList<Marking> Effective, IReadOnlyList<Marking> Disregarded)
{
    public EmployeeMarkingsView View(DateOnly from, DateOnly to) =>
        new(EmployeeId, from, to, [.. Effective.Select(m => m.View())], [.. Disregarded.Select(m => m.View())]);
}

/// <summary>
/// The read side of the treatment program: the effective markings of an employee (for the Espelho de Ponto) or of a
/// whole establishment (for the AEJ), read from the ledger and the treatments and combined in memory. The ledger is
/// only read.
/// </summary>
internal sealed class TreatedMarkings(LedgerQueries ledger, TreatmentStore store)
{
    /// <summary>Markings timed in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public async Task<EmployeeMarkings> ForEmployeeAsync(Guid employeeId, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var punches = await ledger.ForEmployeeAsync(employeeId, from, to, ct);
        var treatments = await store.ForEmployeeAsync(employeeId, from, to, ct);
        return Combine(employeeId, punches, treatments);
    }

    /// <summary>Markings on the local days <paramref name="first"/> to <paramref name="last"/> of <paramref name="zone"/>.</summary>
    public Task<EmployeeMarkings> ForEmployeeAsync(Guid employeeId, DateOnly first, DateOnly last, TimeZoneInfo zone, CancellationToken ct) =>
        ForEmployeeAsync(employeeId, ZoneTime.StartOfDay(first, zone), ZoneTime.StartOfDay(last.AddDays(1), zone), ct);

    /// <summary>
    /// Every employee's markings timed in [<paramref name="from"/>, <paramref name="to"/>), counting punches numbered up to
    /// <paramref name="upToNsr"/> and treatments made up to <paramref name="treatedUpTo"/>, so one pinned production reads the same later.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, EmployeeMarkings>> ForEstablishmentAsync(
        Guid establishmentId, DateTimeOffset from, DateTimeOffset to, long upToNsr, DateTimeOffset treatedUpTo, CancellationToken ct)
    {
        var punches = (await ledger.EstablishmentPunchesAsync(establishmentId, from, to, upToNsr, ct)).ToLookup(p => p.EmployeeId);
        var treatments = (await store.ForEstablishmentAsync(establishmentId, from, to, treatedUpTo, ct))
            .Where(t => t.Nsr is null || t.Nsr <= upToNsr).ToLookup(t => t.EmployeeId);
        return punches.Select(g => g.Key).Union(treatments.Select(g => g.Key))
            .ToDictionary(id => id, id => Combine(id, punches[id], treatments[id]));
    }

    /// <summary>Each punch counts unless a treatment disregards its NSR; included and pre-assigned markings are added.</summary>
    public static EmployeeMarkings Combine(Guid employeeId, IEnumerable<LedgerPunch> punches, IEnumerable<Treatment> treatments)
    {
        var list = treatments.ToList();
        var disregards = list.Where(t => t is { Kind: TreatmentKind.Disregarded, Nsr: not null }).ToDictionary(t => t.Nsr!.Value);
        var effective = new List<Marking>();
        var disregarded = new List<Marking>();
        foreach (var punch in punches)
        {
            if (disregards.TryGetValue(punch.Nsr, out var why))
            {
                disregarded.Add(new Marking(punch.PunchedAt, MarkingSource.Original, punch.Nsr, why.Id, why.Reason, why.ResponsibleCpf, why.CreatedAt));
            }
            else
            {
                effective.Add(new Marking(punch.PunchedAt, MarkingSource.Original, punch.Nsr));
            }
        }

        foreach (var added in list.Where(t => t.Kind != TreatmentKind.Disregarded))
        {
            effective.Add(new Marking(added.PunchedAt, added.Kind == TreatmentKind.Included ? MarkingSource.Included : MarkingSource.PreAssigned,
                null, added.Id, added.Reason, added.ResponsibleCpf, added.CreatedAt));
        }

        // Stable: at one instant a punch comes before a treated marking, and punches keep their NSR order.
        return new EmployeeMarkings(
            employeeId,
            [.. effective.OrderBy(m => m.At.UtcTicks).ThenBy(m => m.Nsr is null).ThenBy(m => m.Nsr)],
            [.. disregarded.OrderBy(m => m.At.UtcTicks).ThenBy(m => m.Nsr)]);
    }
}
