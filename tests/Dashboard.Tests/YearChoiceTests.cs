using CchcAnalytics.Dashboard.Services;
using Shouldly;
using Xunit;

namespace CchcAnalytics.Dashboard.Tests;

public sealed class YearChoiceTests
{
    private static readonly int[] Years = [2017, 2018, 2019, 2021, 2024];

    [Theory]
    [InlineData(null, 2024)]
    [InlineData("", 2024)]
    [InlineData("2019", 2019)]
    [InlineData(" 2021 ", 2021)]
    [InlineData("2020", 2021)]
    [InlineData("2022", 2021)]
    [InlineData("2023", 2024)]
    [InlineData("1900", 2017)]
    [InlineData("abc", 2024)]
    [InlineData("-1", 2024)]
    [InlineData("99999", 2024)]
    public void ForPage_Asked_ShowsThisYear(string? asked, int shown) =>
        YearChoice.ForPage(asked, Years).Year.ShouldBe(shown);

    [Fact]
    public void ForPage_YearWithData_NoNotice() => YearChoice.ForPage("2018", Years).Notice.ShouldBeNull();

    [Fact]
    public void ForPage_YearWithoutData_NamesTheYearsThereAre() =>
        YearChoice.ForPage("2020", Years).Notice.ShouldBe(
            "Không có số liệu năm 2020 (các năm có số liệu: 2017, 2018, 2019, 2021, 2024). Trang đang hiển thị năm 2021, năm gần nhất có số liệu.");

    [Fact]
    public void ForPage_LongGarbage_ShortenedInTheNotice() =>
        YearChoice.ForPage(new string('x', 300), Years).Notice!.Length.ShouldBeLessThan(220);

    [Fact]
    public void Text_ConsecutiveYears_ARange() => YearChoice.Text([2017, 2018, 2019]).ShouldBe("2017–2019");
}

public sealed class FmtTests
{
    [Fact]
    public void VietnamTime_Utc_SevenHoursLater() =>
        Fmt.VietnamTime(new DateTime(2026, 12, 4, 20, 30, 5, DateTimeKind.Utc)).ShouldBe("05/12/2026 03:30:05");

    [Theory]
    [InlineData("dashboard:startup", "nạp tự động khi khởi động")]
    [InlineData("cli:lan", "dòng lệnh (lan)")]
    [InlineData("so-noi-vu.lan", "so-noi-vu.lan")]
    public void Actor_Stored_InWords(string stored, string shown) => Fmt.Actor(stored).ShouldBe(shown);
}
