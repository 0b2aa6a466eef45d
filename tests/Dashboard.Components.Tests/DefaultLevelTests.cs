using CchcAnalytics.Storage;
using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Services;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>What a page opens on without <c>cap=</c> (README, "Levels"): the level data/levels.csv marks as default —
/// the communes — at their latest appraised year, not the year under way; and the switcher that changes it.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class DefaultLevelTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void For_NoLevelAsked_TheCommunesOf2025NotTheSelfAssessedYearUnderWay()
    {
        // The places as data/levels.csv gives them (the shared fixture opens on the districts by setting).
        var stored = Data.Provider.Data.WithPlaces(new ScoreStore(DuckDbConnectionFactory.Of(Data.Provider.Database)).Reference.LoadPlaces());

        var scope = PageScopes.For(stored, cap: null);

        (scope.Level.Code, scope.Year, scope.Years[^1]).ShouldBe(("xa", 2025, 2026));
        scope.Notices.ShouldBeEmpty();
        scope.Levels.Select(l => (l.Level.Code, l.Years[0], l.Years[^1])).ShouldBe([("so", 2023, 2026), ("huyen", 2017, 2024), ("xa", 2025, 2026)]);
    }

    [Theory]
    [InlineData("so", "so", 2025)]
    [InlineData("level=department", "so", 2025)]
    [InlineData("huyen", "huyen", 2024)]
    [InlineData("Cấp xã", "xa", 2025)]
    public void For_LevelAsked_ThatLevelAtItsLatestAppraisedYear(string asked, string code, int year)
    {
        var scope = asked.StartsWith("level=", StringComparison.Ordinal)
            ? PageScopes.For(Data.Provider.Data, null, asked["level=".Length..])
            : PageScopes.For(Data.Provider.Data, asked);

        (scope.Level.Code, scope.Year).ShouldBe((code, year));
    }

    [Fact]
    public void For_UnknownLevel_TheDefaultWithANoticeNamingTheLevels()
    {
        var scope = PageScopes.For(Data.Provider.Data, "tinh");

        scope.Level.Code.ShouldBe("huyen");
        scope.Notices.ShouldBe(["Không có cấp “tinh” (các cấp: so — Sở, ban, ngành, huyen — Cấp huyện, xa — Cấp xã). Trang đang hiển thị cấp huyện."]);
    }

    [Fact]
    public void For_UnknownLevelWithAYear_TheLevelThatHasTheYearAndTheNoticeSaysWhich()
    {
        var scope = PageScopes.For(Data.Provider.Data, "tinh", year: "2025");

        (scope.Level.Code, scope.Year).ShouldBe(("xa", 2025));
        scope.Notices.ShouldBe(["Không có cấp “tinh” (các cấp: so — Sở, ban, ngành, huyen — Cấp huyện, xa — Cấp xã). Trang đang hiển thị cấp xã."]);
    }

    [Fact]
    public void Overview_Communes2025_166UnitsSummarisedAtTheirLevel()
    {
        GoTo("/?cap=xa&nam=2025");

        var cut = Render<Overview>();

        Html.Text(cut.Find("h1")).ShouldBe("Tổng quan năm 2025 — Cấp xã dữ liệu mẫu");
        Html.Text(cut.Find("section h2")).ShouldBe("Xếp hạng 166 đơn vị");
        Html.Rows(cut.Find("[data-testid=ranking-top]")).Count.ShouldBe(10);
        cut.Find("[data-testid=downloads] a").GetAttribute("href").ShouldBe("/export/ranking.xlsx?cap=xa&nam=2025");
    }

    [Theory]
    [InlineData("2023", "huyen")]
    [InlineData("2024", "huyen")]
    [InlineData("2025", "xa")]
    [InlineData("2017", "huyen")]
    public void For_YearWithoutLevel_TheLevelThatHasThatYear(string year, string code)
    {
        // With data/levels.csv's default (the communes), an address written before the levels (/?nam=2023) still shows the
        // districts: the level with most units that year, the default when it has the year.
        var stored = Data.Provider.Data.WithPlaces(new ScoreStore(DuckDbConnectionFactory.Of(Data.Provider.Database)).Reference.LoadPlaces());

        var scope = PageScopes.For(stored, cap: null, year: year);

        (scope.Level.Code, scope.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)).ShouldBe((code, year));
        scope.Notices.ShouldBeEmpty();
    }

    [Fact]
    public void IndexComponents_CommuneWithoutPenalty_SaysNothingSubtractedNeverZero()
    {
        // The sample's xã Hoằng Hóa 2025: a bonus point, no penalty row (the penalty is not in the maximum either).
        var result = Data.Provider.Data.Result("thanh-hoa-xa-hoang-hoa", 2025).ShouldNotBeNull();

        var cut = Render<CchcAnalytics.Dashboard.Components.Shared.IndexComponents>(p => p.Add(c => c.Result, result));

        var rows = Html.Rows(cut.Find("[data-testid=index-components]"));
        rows.Single(r => r[0] == "Điểm trừ").ShouldBe(["Điểm trừ", "— chưa có", "5", "chưa có điểm: không trừ"]);
        rows.Single(r => r[0] == "Điểm thưởng")[3].ShouldBe("chỉ cộng vào điểm đạt");
    }
}
