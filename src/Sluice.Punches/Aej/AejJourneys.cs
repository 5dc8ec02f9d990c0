using Sluice.Punches.Timesheets;
using Sluice.Punches.Treatment;

namespace Sluice.Punches.Aej;

/// <summary>A type 05 marking: entry, exit or disregarded, with its pair number in the journey.</summary>
/// <param name="Type"><c>E</c>, <c>S</c> or <c>D</c> (<c>tpMarc</c>).</param>
/// <param name="Pair"><c>seqEntSaida</c>: 1 for the journey's first entry and exit, 2 for the next pair...</param>
/// <param name="StartsJourney">The journey's first entry: the one that names the contractual schedule.</param>
internal sealed record AejMarking(Marking Marking, char Type, int Pair, bool StartsJourney);

/// <summary>
/// Turns an employee's markings into entries and exits. Effective markings alternate entry, exit, entry... within a
/// journey; a journey ends when an exit is followed by a gap longer than <see cref="TimesheetRules.MaxBreak"/>, or an
/// entry finds no exit within <see cref="TimesheetRules.MaxShift"/> (the timesheet's rules, so both agree on what a
/// journey is). Disregarded markings are interleaved by time as D, with the pair number of the journey they fall in.
/// </summary>
internal static class AejJourneys
{
    public static IReadOnlyList<AejMarking> Assign(EmployeeMarkings markings, TimesheetRules? rules = null)
    {
        rules ??= TimesheetRules.Default;
        var result = new List<AejMarking>(markings.Effective.Count + markings.Disregarded.Count);
        var all = markings.Effective.Select(m => (Marking: m, Disregarded: false))
            .Concat(markings.Disregarded.Select(m => (Marking: m, Disregarded: true)))
            .OrderBy(m => m.Marking.At.UtcTicks).ThenBy(m => m.Disregarded);
        var inJourney = 0;
        DateTimeOffset? last = null;
        foreach (var (marking, disregarded) in all)
        {
            if (disregarded)
            {
                result.Add(new AejMarking(marking, 'D', Math.Max(1, (inJourney + 1) / 2), false));
                continue;
            }

            var open = inJourney % 2 == 1;
            if (last is { } previous && marking.At - previous > (open ? rules.MaxShift : rules.MaxBreak))
            {
                inJourney = 0;
            }

            var entry = inJourney % 2 == 0;
            result.Add(new AejMarking(marking, entry ? 'E' : 'S', inJourney / 2 + 1, inJourney == 0));
            inJourney++;
            last = marking.At;
        }

        return result;
    }
}
