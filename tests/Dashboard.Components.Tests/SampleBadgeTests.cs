using Bunit;
using CchcAnalytics.Dashboard.Components.Shared;

namespace CchcAnalytics.Dashboard.Components.Tests;

/// <summary>The "dữ liệu mẫu" badge, driven by the stored results: the synthetic sample is marked, the one real report
/// (Hoằng Hóa 2017, 293/BC-UBND) is not.</summary>
[Collection(SharedDashboardData.Name)]
public sealed class SampleBadgeTests(DashboardData data) : DashboardContext(data)
{
    [Fact]
    public void SampleBadge_SyntheticResult_SaysDuLieuMau()
    {
        var dongSon2023 = Data.Provider.Data.Result("dong-son", 2023).ShouldNotBeNull();

        var cut = Render<SampleBadge>(p => p.Add(b => b.Show, dongSon2023.Synthetic));

        var badge = cut.Find("span.badge.sample");
        badge.TextContent.ShouldBe("dữ liệu mẫu");
        badge.GetAttribute("title").ShouldBe("Số liệu sinh tự động để minh họa, không phải kết quả thật của đơn vị nào");
    }

    [Fact]
    public void SampleBadge_RealReport_RendersNothing()
    {
        var hoangHoa2017 = Data.Provider.Data.Result("hoang-hoa", 2017).ShouldNotBeNull();
        hoangHoa2017.Points.ShouldBe(92m);

        var cut = Render<SampleBadge>(p => p.Add(b => b.Show, hoangHoa2017.Synthetic));

        cut.Markup.Trim().ShouldBeEmpty();
    }

    [Fact]
    public void SampleBadge_EveryResultOf2017_MarksAllButTheRealReport()
    {
        var results = Data.Provider.Data.ResultsOf(2017, "thanh-hoa", "district");
        results.Count.ShouldBe(27);

        var marked = results.Where(r => Render<SampleBadge>(p => p.Add(b => b.Show, r.Synthetic)).FindAll(".badge.sample").Count == 1)
            .Select(r => r.Unit.Id).ToList();

        marked.Count.ShouldBe(26);
        marked.ShouldNotContain("hoang-hoa");
    }
}
