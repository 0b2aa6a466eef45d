using System.Reflection;
using NetArchTest.Rules;

namespace CchcAnalytics.Architecture.Tests;

/// <summary>The dependency direction of DEVELOPERS.md, read from the compiled assemblies: Dashboard → Analytics →
/// Storage → Core and Ingest → Storage → Core, nothing pointing back or skipping a layer, and DuckDB only behind
/// Storage (and Accounts, which is the accounts' own store over Storage's connections).</summary>
public sealed class LayerTests
{
    private const string Prefix = "CchcAnalytics.";

    private const string StorageWorkInFlight =
        "Issue 15 §4: the analytics engineer's branch removes ScoreStore/DuckDbConnectionFactory from the Dashboard pages " +
        "and services and reads exports through Analytics; enable once it has landed (run it to see the list).";

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
        // Storage for ScoresWorkbook (reads ScoreStore); Exports_DoesNotUseStorage below takes it away once exports read
        // through Analytics.
        { "Exports", ["Analytics", "Charts", "Storage", "Core"] },
        // Storage only for Program.cs's wiring (the type-level rule below keeps it there); Ingest only for uploads.
        { "Dashboard", ["Analytics", "Charts", "Exports", "Accounts", "Ingest", "Storage", "Core"] },
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

    [Fact(Skip = StorageWorkInFlight)]
    public void Exports_DoesNotUseStorage()
    {
        ProductReferences("Exports").ShouldNotContain("Storage");
    }

    [Fact(Skip = StorageWorkInFlight)]
    public void Dashboard_TypesOutsideProgram_DoNotUseStorage()
    {
        var result = Types.InAssembly(Load("Dashboard"))
            .That().DoNotHaveNameStartingWith("Program")
            .ShouldNot().HaveDependencyOnAny("CchcAnalytics.Storage", "DuckDB.NET")
            .GetResult();

        (result.FailingTypeNames ?? []).ShouldBeEmpty();
    }

    [Fact]
    public void Dashboard_TypesOutsideProgram_UseStorageOnlyInTheKnownPlaces()
    {
        // The ratchet while the rule above is skipped: no new Dashboard type may start using Storage.
        string[] known =
        [
            "CchcAnalytics.Dashboard.Components.Pages.DataPage",
            "CchcAnalytics.Dashboard.Components.Pages.UploadReview",
            "CchcAnalytics.Dashboard.Services.AppraisalForm",
            "CchcAnalytics.Dashboard.Services.ExportEndpoints",
            "CchcAnalytics.Dashboard.Services.FrameworkEndpoints",
            "CchcAnalytics.Dashboard.Services.IndexDataProvider",
            "CchcAnalytics.Dashboard.Services.UploadService",
        ];

        var result = Types.InAssembly(Load("Dashboard"))
            .That().DoNotHaveNameStartingWith("Program")
            .ShouldNot().HaveDependencyOnAny("CchcAnalytics.Storage", "DuckDB.NET")
            .GetResult();

        var users = (result.FailingTypeNames ?? []).Select(name => name.Split('+', '/')[0]).Distinct().Order(StringComparer.Ordinal).ToList();
        users.Except(known).ShouldBeEmpty("These Dashboard types started using Storage or DuckDB directly; go through Analytics (or the upload service) instead.");
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
