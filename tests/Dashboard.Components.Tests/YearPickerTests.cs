using Bunit;
using CchcAnalytics.Dashboard.Components.Pages;
using CchcAnalytics.Dashboard.Components.Shared;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>The year picker: a GET form, so the chosen year (and any other filter it carries) lands in the URL.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class YearPickerTests(DashboardData data) : DashboardContext(data)
{
    private IReadOnlyList<int> Years => Data.Provider.Data.Years("thanh-hoa", "district");

    [Fact]
    public void YearPicker_StoredYears_OffersEachYearAndSelectsOne()
    {
        Years.ShouldBe([2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024]);

        var cut = Render<YearPicker>(p => p.Add(y => y.Years, Years).Add(y => y.Year, 2019));

        var options = cut.FindAll("select[name=nam] option");
        options.Select(o => o.GetAttribute("value")).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        options.Select(o => o.TextContent).ShouldBe(["2017", "2018", "2019", "2020", "2021", "2022", "2023", "2024"]);
        cut.FindAll("select[name=nam] option[selected]").ShouldHaveSingleItem().GetAttribute("value").ShouldBe("2019");
        var form = cut.Find("form[data-testid=year-picker]");
        form.GetAttribute("method").ShouldBe("get");
        form.HasAttribute("action").ShouldBeFalse(); // submits to the page it is on
    }

    [Fact]
    public void YearPicker_HiddenFilters_AreSubmittedWithTheYear()
    {
        var cut = Render<YearPicker>(p => p
            .Add(y => y.Years, Years)
            .Add(y => y.Year, 2023)
            .Add(y => y.Hidden, [("dv", "hoang-hoa"), ("linh-vuc", "7")]));

        var form = cut.Find("form");
        Html.SubmittedQuery(form).ShouldBe("dv=hoang-hoa&linh-vuc=7&nam=2023");
        Html.SubmittedQuery(form, new Dictionary<string, string> { ["nam"] = "2017" }).ShouldBe("dv=hoang-hoa&linh-vuc=7&nam=2017");
    }

    [Fact]
    public void YearPicker_OnOverview_SelectsTheShownYearAndItsUrlOpensTheOtherYear()
    {
        GoTo("/?nam=2023");
        var overview = Render<Overview>();
        var picker = overview.FindComponent<YearPicker>();
        picker.Instance.Year.ShouldBe(2023);
        picker.Instance.Years.ShouldBe(Years);

        // Picking 2017 submits the form to "/?nam=2017"; that URL shows 2017.
        var query = Html.SubmittedQuery(picker.Find("form"), new Dictionary<string, string> { ["nam"] = "2017" });
        query.ShouldBe("cap=huyen&nam=2017");
        GoTo("/?" + query);
        var next = Render<Overview>();

        Html.Text(next.Find("h1")).ShouldBe("Tổng quan năm 2017 — Cấp huyện dữ liệu mẫu");
        next.Find("select[name=nam] option[selected]").GetAttribute("value").ShouldBe("2017");
    }

    [Theory]
    [InlineData("/", "2024")]
    [InlineData("/?nam=abc", "2024")]
    [InlineData("/?nam=1999", "2017")]
    [InlineData("/?nam=2020", "2020")]
    public void YearPicker_OnOverview_MissingOrUnknownYearSelectsTheLatestOrNearest(string url, string expected)
    {
        GoTo(url);

        var cut = Render<Overview>();

        cut.FindAll("[data-testid=year-picker] option[selected]").ShouldHaveSingleItem().GetAttribute("value").ShouldBe(expected);
        Html.Text(cut.Find("h1")).ShouldStartWith($"Tổng quan năm {expected}");
    }
}
