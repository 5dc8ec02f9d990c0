using System.Reflection;

namespace Sluice.Tests.Architecture;

/// <summary>The projects keep the boundaries <c>docs/ARCHITECTURE.md</c> draws (rules: <see cref="ProjectGraph.MayReference"/>).</summary>
public sealed class ProjectGraphTests
{
    [Fact]
    public void Every_project_in_src_references_only_what_its_rules_allow()
    {
        var graph = ProjectGraph.FromSources(Repository.File("src"));

        Assert.Contains("Sluice.Punches", graph.References.Keys);
        Assert.Empty(graph.Violations());
    }

    [Fact]
    public void The_built_assemblies_reference_only_what_their_rules_allow()
    {
        // The compiled references, which also catch a project reached through a package or a hand-written reference.
        var names = ProjectGraph.MayReference.Keys.ToHashSet();
        var loaded = names.ToDictionary(name => name, name => Assembly.Load(name));
        var graph = new ProjectGraph(loaded.ToDictionary(
            p => p.Key,
            IReadOnlySet<string> (p) => p.Value.GetReferencedAssemblies().Select(r => r.Name!).Where(names.Contains).ToHashSet()));

        Assert.Empty(graph.Violations());
    }

    [Theory]
    [InlineData("Sluice.Punches")]
    [InlineData("Sluice.Orders")]
    public void No_project_in_src_sees_a_domains_internals(string domain)
    {
        // A domain offers the host what its command line needs as public API (LedgerAudit, OrderPopulator): the
        // host composes domains through what they publish, so only tests and the bench may see inside one.
        var seeing = Assembly.Load(domain).GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(attribute => attribute.AssemblyName)
            .Where(ProjectGraph.MayReference.ContainsKey);

        Assert.Empty(seeing);
    }

    [Fact]
    public void A_domain_referencing_another_domain_is_refused()
    {
        var graph = Graph(("Sluice.Orders", ["Sluice.Journal", "Sluice.Gateway", "Sluice.Punches"]), ("Sluice.Punches", ["Sluice.Journal"]));

        Assert.Equal(["Sluice.Orders must not reference Sluice.Punches."], graph.Violations());
    }

    [Fact]
    public void A_library_referencing_the_host_is_refused()
    {
        var graph = Graph(("Sluice.Gateway", ["Sluice.Journal", "Sluice"]), ("Sluice", ["Sluice.Gateway"]));

        Assert.Equal(
            ["Sluice.Gateway must not reference Sluice.", "Cycle: Sluice -> Sluice.Gateway -> Sluice."],
            graph.Violations());
    }

    [Fact]
    public void The_journal_referencing_a_domain_or_the_gateway_is_refused()
    {
        var graph = Graph(("Sluice.Journal", ["Sluice.Gateway"]), ("Sluice.Delivery", ["Sluice.Journal", "Sluice.Orders"]));

        Assert.Equal(
            ["Sluice.Delivery must not reference Sluice.Orders.", "Sluice.Journal must not reference Sluice.Gateway."],
            graph.Violations());
    }

    [Fact]
    public void A_project_without_rules_is_refused()
    {
        Assert.Equal(["Sluice.Billing is not in the rule table: decide what it may reference."], Graph(("Sluice.Billing", [])).Violations());
    }

    private static ProjectGraph Graph(params (string Project, string[] References)[] projects) =>
        new(projects.ToDictionary(p => p.Project, IReadOnlySet<string> (p) => p.References.ToHashSet()));
}
