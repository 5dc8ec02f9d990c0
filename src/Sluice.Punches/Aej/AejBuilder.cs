using System.Text;
using Sluice.Punches.Afd;
using Sluice.Punches.Treatment;
using static Sluice.Punches.Aej.AejFields;

namespace Sluice.Punches.Aej;

/// <summary>Writes an AEJ's records in the layout's order (see <see cref="AejLayout"/>), and the file's bytes.</summary>
internal static class AejBuilder
{
    public static byte[] ToBytes(AejContent content)
    {
        var text = new StringBuilder();
        foreach (var line in Lines(content))
        {
            text.Append(line).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(text.ToString());
    }

    public static IReadOnlyList<string> Lines(AejContent content)
    {
        var lines = new List<string>();
        var employer = content.Employer;
        var cno = employer.CnoCaepf is { } c && Digits(c, 0).Length == 12 ? Digits(c, 12) : "";
        var caepf = cno.Length == 0 ? Digits(employer.CnoCaepf, 14) : "";
        lines.Add(Record("01", Number(employer.DocumentType), Digits(employer.Document, employer.DocumentType == 1 ? 14 : 11), caepf, cno,
            Text(employer.Name, AejLayout.MaxNameLength), Date(content.From), Date(content.To), DateTime(content.GeneratedAt), AejLayout.Version));
        lines.Add(Record("02", AejLayout.RepId, AejLayout.RepP, Digits(content.Inpi, 17)));
        for (var i = 0; i < content.Employees.Count; i++)
        {
            var employee = content.Employees[i];
            lines.Add(Record("03", Number(i + 1), Digits(employee.Cpf, 11), Text(employee.Name, AejLayout.MaxNameLength)));
        }

        foreach (var schedule in content.Schedules)
        {
            lines.Add(Record(["04", Text(schedule.Code, AejLayout.MaxScheduleCodeLength), Number(schedule.DailyMinutes),
                .. schedule.Pairs.SelectMany(p => new[] { Hour(p.Entry), Hour(p.Exit) })]));
        }

        var markings = 0;
        for (var i = 0; i < content.Employees.Count; i++)
        {
            var employee = content.Employees[i];
            foreach (var m in AejJourneys.Assign(employee.Markings))
            {
                var original = m.Marking.Source == MarkingSource.Original;
                lines.Add(Record("05", Number(i + 1), DateTime(ZoneTime.InZone(m.Marking.At, content.Zone)), original ? AejLayout.RepId : "",
                    m.Type.ToString(), Number(m.Pair, 3), Source(m.Marking.Source), m.StartsJourney ? Text(employee.ScheduleCode, AejLayout.MaxScheduleCodeLength) : "",
                    Text(m.Marking.Reason, AejLayout.MaxReasonLength)));
                markings++;
            }
        }

        var program = content.Program;
        lines.Add(Record("08", Text(program.Name, AejLayout.MaxNameLength), Text(program.Version, AejLayout.MaxProgramVersionLength),
            program.DeveloperType == AfdDocumentType.Cpf ? "2" : "1", Digits(program.DeveloperDocument, program.DeveloperType == AfdDocumentType.Cpf ? 11 : 14),
            Text(program.DeveloperName, AejLayout.MaxNameLength), Text(program.DeveloperEmail, AejLayout.MaxEmailLength)));
        lines.Add(Record("99", "1", "1", Number(content.Employees.Count), Number(content.Schedules.Count), Number(markings), "0", "0", "1"));
        lines.Add(AfdRecords.Signature());
        return lines;
    }

    /// <summary>The AEJ's <c>fonteMarc</c>: O original, I included by hand, P pre-assigned.</summary>
    private static string Source(MarkingSource source) => source switch
    {
        MarkingSource.Original => "O",
        MarkingSource.Included => "I",
        _ => "P",
    };
}
