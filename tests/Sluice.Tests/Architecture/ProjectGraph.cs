using System.Xml.Linq;

namespace Sluice.Tests.Architecture;

/// <summary>Which of Sluice's projects reference which, and the rules that say which may.</summary>
internal sealed record ProjectGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> References)
{
    private const string Journal = "Sluice.Journal", Delivery = "Sluice.Delivery", Gateway = "Sluice.Gateway";

    /// <summary>
    /// What each project may reference, and nothing else. The host (<c>Sluice</c>) puts the others together, so it
    /// may reference all of them; nothing may reference it. A domain builds on the journal, delivery and the gateway's
    /// shared contract only, never on another domain. The journal and delivery know no domain. A project missing
    /// from this table fails the test until someone decides where it sits.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> MayReference = new Dictionary<string, string[]>
    {
        [Journal] = [],
        ["Sluice.Journal.Sqlite"] = [Journal],
        ["Sluice.Journal.Postgres"] = [Journal],
        [Delivery] = [Journal],
        ["Sluice.LegacySimulator"] = [],
        [Gateway] = [Journal, Delivery],
        ["Sluice.Punches"] = [Journal, Delivery, Gateway],
        ["Sluice.Orders"] = [Journal, Delivery, Gateway],
        ["Sluice"] =
        [
            Journal, "Sluice.Journal.Sqlite", "Sluice.Journal.Postgres", Delivery, Gateway, "Sluice.Punches", "Sluice.Orders",
            "Sluice.LegacySimulator",
        ],
    };

    /// <summary>The project references of every <c>src/*/*.csproj</c>.</summary>
    public static ProjectGraph FromSources(string sourceFolder) => new(Directory.GetDirectories(sourceFolder)
        .SelectMany(folder => Directory.GetFiles(folder, "*.csproj"))
        .ToDictionary(
            path => Path.GetFileNameWithoutExtension(path)!,
            IReadOnlySet<string> (path) => XDocument.Load(path).Descendants("ProjectReference")
                .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/'))!)
                .ToHashSet()));

    /// <summary>Every broken rule, each as one sentence; none for a graph that keeps them all.</summary>
    public IReadOnlyList<string> Violations()
    {
        var violations = new List<string>();
        foreach (var (project, references) in References.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!MayReference.TryGetValue(project, out var allowed))
            {
                violations.Add($"{project} is not in the rule table: decide what it may reference.");
                continue;
            }

            violations.AddRange(references.Except(allowed).Order(StringComparer.Ordinal)
                .Select(reference => $"{project} must not reference {reference}."));
        }

        violations.AddRange(Cycles().Select(cycle => $"Cycle: {string.Join(" -> ", cycle)}."));
        return violations;
    }

    /// <summary>Each cycle found by a depth-first walk, as the path that closes it.</summary>
    private List<IReadOnlyList<string>> Cycles()
    {
        var done = new HashSet<string>();
        var path = new List<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Visit(string project)
        {
            if (path.IndexOf(project) is var at and >= 0)
            {
                cycles.Add([.. path[at..], project]);
                return;
            }

            if (!done.Add(project))
            {
                return;
            }

            path.Add(project);
            foreach (var reference in References.GetValueOrDefault(project) ?? new HashSet<string>())
            {
                Visit(reference);
            }

            path.RemoveAt(path.Count - 1);
        }

        foreach (var project in References.Keys.Order(StringComparer.Ordinal))
        {
            Visit(project);
        }

        return cycles;
    }
}
