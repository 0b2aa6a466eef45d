using System.Globalization;
using Bunit;
using Bunit.TestDoubles;
using CchcAnalytics.Core;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Components.Shared;
using CchcAnalytics.Dashboard.Services;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>A dashboard database built from a copy of the data folder without the sample, plus two communes of 2025
/// scored on the commune khung minh họa with its components (<see cref="CommuneCsv.TwoUnits"/>: xã Hoằng Hóa with a
/// survey, bonus and penalty, 86/100; xã Nga Sơn without a survey, 71/80), stored through the dashboard's write path.</summary>
public sealed class ComponentDashboardData : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public ComponentDashboardData()
    {
        var source = Path.Combine(TestFiles.RepositoryRoot, "data");
        var data = folder.File("data");
        foreach (var file in Directory.GetFiles(source, "*.csv"))
        {
            Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        foreach (var sub in new[] { "frameworks", "published", "raw" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(source, sub), "*", SearchOption.AllDirectories))
            {
                Copy(file, Path.Combine(data, Path.GetRelativePath(source, file)));
            }
        }

        Location = new DataLocation(data, folder.File("components.duckdb"));
        Provider = new IndexDataProvider(Location, NullLogger<IndexDataProvider>.Instance);
        Provider.EnsureBuilt();
        var csv = folder.Write("communes-2025.csv", CommuneCsv.TwoUnits());
        Provider.Write(() =>
        {
            var report = Provider.Desk.Store(Path.GetFileName(csv), File.ReadAllBytes(csv), new IngestOptions());
            report.Accepted.ShouldBeTrue(string.Join("\n", report.Problems));
            return report;
        });
    }

    public DataLocation Location { get; }

    public IndexDataProvider Provider { get; }

    public void Dispose()
    {
        Provider.Dispose();
        folder.Dispose();
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to);
    }
}

/// <summary>Thành phần chỉ số on the unit page and the component columns of the ranking (issue 13 §3).</summary>
public sealed class IndexComponentsTests : BunitContext, IClassFixture<ComponentDashboardData>
{
    private readonly ComponentDashboardData data;

    public IndexComponentsTests(ComponentDashboardData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        this.data = data;
        CultureInfo.CurrentCulture = VietnameseText.Culture;
        CultureInfo.CurrentUICulture = VietnameseText.Culture;
        Services.AddSingleton(data.Location);
        Services.AddSingleton(data.Provider);
        Services.AddSingleton(CchcAnalytics.Charts.Maps.MapBoundaries.LoadFolder(Path.Combine(TestFiles.RepositoryRoot, "data", "boundaries")));
        Services.AddSingleton(new UploadService(data.Provider));
    }

    [Fact]
    public void UnitPage_CommuneWithSurveyBonusPenalty_ShowsTheComponentsTableAndTheIndexOfTheFormula()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo($"/don-vi/{CommuneCsv.HoangHoa}?nam=2025");

        var cut = Render<UnitPage>(p => p.Add(u => u.UnitId, CommuneCsv.HoangHoa));

        Html.Text(cut.Find("[data-testid=headline]")).ShouldStartWith("86/100 điểm — chỉ số 86,00% — xếp thứ 2/2");
        Html.Text(cut.Find("[data-testid=index-components-section] h2")).ShouldBe("Thành phần chỉ số");
        var table = cut.Find("[data-testid=index-components]");
        Html.Header(table).ShouldBe(["Thành phần", "Điểm", "Điểm tối đa", "Tính vào chỉ số"]);
        Html.Rows(table).ShouldBe(
        [
            ["Điểm theo bộ tiêu chí (tự chấm / thẩm định)", "70", "80", "cộng vào điểm đạt và điểm tối đa"],
            ["Điểm điều tra xã hội học (SIPAS)", "15", "20", "cộng vào điểm đạt và điểm tối đa"],
            ["Điểm thưởng", "2", "5", "chỉ cộng vào điểm đạt"],
            ["Điểm trừ", "1", "5", "trừ vào điểm đạt"],
        ]);
        Footer(table).ShouldBe(["Chỉ số", "86", "100", "86,00%"]);
        Html.Text(cut.Find("[data-testid=index-formula]")).ShouldStartWith("Chỉ số = 100 × (70 + 15 + 2 − 1) / (80 + 20) = 86,00%.");
        // The ranking's note on the components is for the ranking; the table says it here.
        cut.FindAll("p.note").Select(Html.Text).ShouldAllBe(n => !n.Contains("thành phần", StringComparison.Ordinal));
    }

    [Fact]
    public void UnitPage_DistrictFramework_NoComponentsTable()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/don-vi/hoang-hoa?nam=2017");

        var cut = Render<UnitPage>(p => p.Add(u => u.UnitId, "hoang-hoa"));

        Html.Text(cut.Find("[data-testid=headline]")).ShouldStartWith("92/100 điểm — chỉ số 92,00%");
        cut.FindAll("[data-testid=index-components]").ShouldBeEmpty();
    }

    [Fact]
    public void Overview_Communes2025_RankingHasAColumnPerComponentAndTheNote()
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("/?cap=xa&nam=2025");

        var cut = Render<Overview>();

        var table = cut.Find("[data-testid=ranking]");
        Html.Header(table)[..7].ShouldBe(["Hạng", "Đơn vị", "Điểm bộ tiêu chí", "Điểm điều tra xã hội học (SIPAS)", "Điểm thưởng", "Điểm trừ", "Điểm"]);
        Html.Rows(table).Select(r => r[..9]).ShouldBe(
        [
            ["1", "xã Nga Sơn dữ liệu mẫu", "70", "—", "2", "1", "71", "80", "88,75"],
            ["2", "xã Hoằng Hóa dữ liệu mẫu", "70", "15", "2", "1", "86", "100", "86,00"],
        ]);
        cut.FindAll("p.note").Select(Html.Text).ShouldContain(n => n.StartsWith("Chỉ số theo khung minh họa 2025–2026 gồm điểm theo bộ tiêu chí và các thành phần: Điểm điều tra xã hội học (SIPAS)", StringComparison.Ordinal));
    }

    [Fact]
    public void IndexComponents_CommuneWithoutSurvey_ShowsADashAndChuaCoNeverZero()
    {
        var result = CommuneResult(CommuneCsv.NgaSon);

        var cut = Render<IndexComponents>(p => p.Add(c => c.Result, result));

        Html.Rows(cut.Find("[data-testid=index-components]")).ShouldBe(
        [
            ["Điểm theo bộ tiêu chí (tự chấm / thẩm định)", "70", "80", "cộng vào điểm đạt và điểm tối đa"],
            ["Điểm điều tra xã hội học (SIPAS)", "— chưa có", "20", "chưa có điểm: không tính vào cả điểm đạt lẫn điểm tối đa"],
            ["Điểm thưởng", "2", "5", "chỉ cộng vào điểm đạt"],
            ["Điểm trừ", "1", "5", "trừ vào điểm đạt"],
        ]);
        Footer(cut.Find("[data-testid=index-components]")).ShouldBe(["Chỉ số", "71", "80", "88,75%"]);
        Html.Text(cut.Find("[data-testid=index-formula]")).ShouldStartWith("Chỉ số = 100 × (70 + 2 − 1) / (80) = 88,75%.");
    }

    [Fact]
    public void RankingRows_CommunesWithComponents_AColumnPerComponentBeforeThePoints()
    {
        var ranking = Analytics.Ranker.For(CommuneData(), 2025, "thanh-hoa", "commune", data.Provider.Options);

        var cut = Render<RankingRows>(p => p.Add(r => r.Units, ranking.Units).Add(r => r.Year, 2025));

        var table = cut.Find("[data-testid=ranking]");
        Html.Header(table).ShouldBe(
        [
            "Hạng", "Đơn vị", "Điểm bộ tiêu chí", "Điểm điều tra xã hội học (SIPAS)", "Điểm thưởng", "Điểm trừ",
            "Điểm", "Điểm chuẩn", "Chỉ số (%)", "Nhóm", "So với năm trước", "Điểm dùng",
        ]);
        var rows = Html.Rows(table);
        rows[0][..9].ShouldBe(["1", "xã Nga Sơn dữ liệu mẫu", "70", "—", "2", "1", "71", "80", "88,75"]);
        rows[1][..9].ShouldBe(["2", "xã Hoằng Hóa dữ liệu mẫu", "70", "15", "2", "1", "86", "100", "86,00"]);
        table.QuerySelectorAll("tbody tr")[0].QuerySelectorAll("td")[3].GetAttribute("title").ShouldBe("chưa có điểm: không tính vào chỉ số");
    }

    private static string[] Footer(AngleSharp.Dom.IElement table) => [.. table.QuerySelectorAll("tfoot th, tfoot td").Select(Html.Text)];

    private static Analytics.IndexData CommuneData()
    {
        var connections = new DuckDbConnectionFactory(":memory:");
        var store = new ScoreStore(connections);
        using var folder = TestFiles.NewTempFolder();
        new IngestRunner(store, ReferenceData.Embedded).Run(folder.Write("communes.csv", CommuneCsv.TwoUnits()), new IngestOptions()).Accepted.ShouldBeTrue();
        // The in-memory reference path holds every row, so the connection may close.
        var data = Analytics.IndexData.Load(store);
        connections.Dispose();
        return data;
    }

    private static Analytics.UnitYearResult CommuneResult(string unitId) => CommuneData().Result(unitId, 2025).ShouldNotBeNull();
}

/// <summary>A dashboard database built before schema version 6 has no index components for its frameworks; the
/// dashboard writes them from the data folder when it starts.</summary>
public sealed class ComponentUpgradeTests
{
    [Fact]
    public void EnsureBuilt_DatabaseWithoutFrameworkComponents_WritesThemFromTheDataFolder()
    {
        using var folder = TestFiles.NewTempFolder();
        var source = Path.Combine(TestFiles.RepositoryRoot, "data");
        var data = folder.File("data");
        Directory.CreateDirectory(data);
        foreach (var file in Directory.GetFiles(source, "*.csv"))
        {
            File.Copy(file, Path.Combine(data, Path.GetFileName(file)));
        }

        foreach (var file in Directory.GetFiles(Path.Combine(source, "frameworks")).Concat(Directory.GetFiles(Path.Combine(source, "raw"), "*", SearchOption.AllDirectories)))
        {
            var to = Path.Combine(data, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var location = new DataLocation(data, folder.File("old.duckdb"));
        using (var first = new IndexDataProvider(location, NullLogger<IndexDataProvider>.Instance))
        {
            first.EnsureBuilt();
            using var connection = DuckDbConnectionFactory.Of(first.Database).Open();
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM framework_component";
            command.ExecuteNonQuery();
        }

        using var provider = new IndexDataProvider(location, NullLogger<IndexDataProvider>.Instance);
        new ScoreStore(DuckDbConnectionFactory.Of(provider.Database)).Reference.LoadFrameworks().Single(f => f.Id == CommuneCsv.Framework).HasComponents.ShouldBeFalse();

        provider.EnsureBuilt();

        new ScoreStore(DuckDbConnectionFactory.Of(provider.Database)).Reference.LoadFrameworks().Single(f => f.Id == CommuneCsv.Framework).Components.Select(c => c.Id).ShouldBe(["criteria", "survey", "bonus", "penalty"]);
        provider.Data.Frameworks.Single(f => f.Id == CommuneCsv.Framework).HasComponents.ShouldBeTrue();
    }
}
