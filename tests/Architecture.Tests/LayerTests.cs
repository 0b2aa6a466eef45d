using System.Reflection;
using NetArchTest.Rules;

namespace CchcAnalytics.Architecture.Tests;

/// <summary>The dependency direction of DEVELOPERS.md, read from the compiled assemblies: Dashboard → Analytics →
/// Storage → Core and Ingest → Storage → Core, nothing pointing back or skipping a layer, and DuckDB only behind
/// Storage (and Accounts, which is the accounts' own store over Storage's connections).</summary>
public sealed class LayerTests
{
    private const string Prefix = "CchcAnalytics.";

    /// <summary>Which product assemblies each one may reference (compiled references, i.e. what its code really uses).
    /// The composition roots — Cli and the Dashboard's Program — wire everything and are handled apart.</summary>
    public static TheoryData<string, string[]> Allowed => new()
    {
        { "Core", [] },
        { "Storage", ["Core"] },
        { "Ingest", ["Storage", "Core"] },
        { "Sample", ["Ingest", "Storage", "Core"] },
        { "Analytics", ["Storage", "Core"] },
        { "Accounts", ["Storage", "Core"] },
        { "Charts", ["Analytics", "Core"] },
        // Exports read the current rows through Analytics (IndexDatabase.CurrentRows), never the store.
        { "Exports", ["Analytics", "Charts", "Core"] },
        // The dashboard holds the database as a Core handle (IIndexDatabase): reads through Analytics, writes through the
        // upload desk (Ingest), accounts through Accounts; it never references Storage.
        { "Dashboard", ["Analytics", "Charts", "Exports", "Accounts", "Ingest", "Core"] },
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void References_ProductAssembly_OnlyLowerLayers(string project, string[] allowed)
    {
        var used = ProductReferences(project);

        used.Except(allowed).ShouldBeEmpty($"{Prefix}{project} uses {string.Join(", ", used)}; it may use only {string.Join(", ", allowed)}.");
    }

    [Fact]
    public void References_NoProductAssembly_UsesTheDashboardOrTheCli()
    {
        foreach (var project in Allowed.Select(row => (string)row[0]).Append("Cli"))
        {
            ProductReferences(project).ShouldNotContain("Dashboard", project);
            ProductReferences(project).ShouldNotContain("Cli", project);
        }
    }

    // Analytics runs its measures as SQL over the database (issue 15 §1, src/Analytics/Sql), so it reads DuckDB too.
    [Theory]
    [InlineData("Core")]
    [InlineData("Ingest")]
    [InlineData("Charts")]
    [InlineData("Sample")]
    public void References_AboveStorage_NoDuckDb(string project)
    {
        DuckDbReferences(project).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Dashboard")]
    [InlineData("Exports")]
    public void References_DashboardAndExports_NoDuckDb(string project)
    {
        DuckDbReferences(project).ShouldBeEmpty();
    }

    [Fact]
    public void Exports_DoesNotUseStorage()
    {
        ProductReferences("Exports").ShouldNotContain("Storage");
    }

    [Fact]
    public void Dashboard_TypesOutsideProgram_DoNotUseStorage()
    {
        var result = Types.InAssembly(Load("Dashboard"))
            .That().DoNotHaveNameStartingWith("Program")
            .ShouldNot().HaveDependencyOnAny("CchcAnalytics.Storage", "DuckDB.NET")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    private static Assembly Load(string project) => Assembly.Load(new AssemblyName(project == "Cli" ? "cchc" : Prefix + project));

    private static List<string> ProductReferences(string project) =>
    [
        .. Load(project).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) || name == "cchc")
            .Select(name => name == "cchc" ? "Cli" : name[Prefix.Length..])
            .Order(StringComparer.Ordinal),
    ];

    private static List<string> DuckDbReferences(string project) =>
    [
        .. Load(project).GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name.StartsWith("DuckDB", StringComparison.OrdinalIgnoreCase)),
    ];
}
