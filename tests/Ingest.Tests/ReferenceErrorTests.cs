using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>A bad edit of a reference file fails at load, naming the file and line, instead of quietly bending trends.</summary>
public sealed class ReferenceErrorTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public ReferenceErrorTests()
    {
        var data = Path.Combine(TestFiles.RepositoryRoot, "data");
        File.Copy(Path.Combine(data, "units.csv"), folder.File("units.csv"));
        File.Copy(Path.Combine(data, "lineage.csv"), folder.File("lineage.csv"));
        Directory.CreateDirectory(folder.File("frameworks"));
        foreach (var file in Directory.GetFiles(Path.Combine(data, "frameworks")))
        {
            File.Copy(file, Path.Combine(folder.File("frameworks"), Path.GetFileName(file)));
        }
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_UnchangedCopy_Loads() => ReferenceData.LoadFromDirectory(folder.Path).Units.Count.ShouldBe(214);   // 28 district-level units, 20 departments, 166 communes of 2025

    [Theory]
    [InlineData("frameworks/crosswalk.csv", "thanh-hoa-district-2017,1.1,reform-plan,", "thanh-hoa-district-2017,1.1,no-such-concept,", "frameworks/crosswalk.csv:3: khái niệm (concept) 'no-such-concept' không có trong")]
    [InlineData("frameworks/crosswalk.csv", "thanh-hoa-district-2017,1.1,reform-plan,", "thanh-hoa-district-2099,1.1,reform-plan,", "frameworks/crosswalk.csv:3: bộ tiêu chí 'thanh-hoa-district-2099' không có trong frameworks.csv.")]
    [InlineData("frameworks/crosswalk.csv", "thanh-hoa-district-2017,1.1,reform-plan,", "thanh-hoa-district-2017,9.9,reform-plan,", "frameworks/crosswalk.csv:3: bộ tiêu chí thanh-hoa-district-2017 không có tiêu chí 9.9.")]
    [InlineData("lineage.csv", ",tinh-gia,nghi-son,", ",tinh-gia,nowhere,", "lineage.csv:3: sự kiện 'tinh-gia-nghi-son-2020' nêu đơn vị 'nowhere', nhưng đơn vị này không có trong units.csv.")]
    [InlineData("units.csv", "dong-son,Đông Sơn,huyen,thanh-hoa,,,,2023,", "dong-son,Đông Sơn,huyen,thanh-hoa,,,,2024,", "lineage.csv:4: sự kiện 'dong-son-merged-2024' có hiệu lực từ năm đánh giá 2024, nên last_year của dong-son trong units.csv phải là 2023, không phải 2024.")]
    [InlineData("units.csv", "ba-thuoc,Bá Thước,huyen,", "ba-thuoc,\"Bá Thước,huyen,", "units.csv")]
    [InlineData("units.csv", "cam-thuy,Cẩm Thủy,", "ba-thuoc,Cẩm Thủy,", "units.csv:7: mã đơn vị 'ba-thuoc' xuất hiện hai lần.")]
    [InlineData("units.csv", ",14797\n", ",14758\n", "units.csv:51: mã hành chính (official_code) '14758' của đơn vị 'thanh-hoa-phuong-hac-thanh' phải gồm toàn chữ số và không trùng với đơn vị khác.")]
    [InlineData("units.csv", ",14758\n", ",1475A\n", "units.csv:50: mã hành chính (official_code) '1475A' của đơn vị 'thanh-hoa-phuong-ham-rong' phải gồm toàn chữ số")]
    [InlineData("frameworks/frameworks.csv", "thanh-hoa,district,2020,2022,", "thanh-hoa,district,20x0,2022,", "frameworks/frameworks.csv:3: '20x0' không phải là năm hợp lệ.")]
    [InlineData("frameworks/frameworks.csv", "thanh-hoa,district,2023,2024,", "thanh-hoa,district,2022,2024,", "thanh-hoa-district-2020-illustrative và thanh-hoa-district-2023-illustrative cùng áp dụng cho một số năm giống nhau đối với cấp 'district' của tỉnh 'thanh-hoa'.")]
    [InlineData("frameworks/components.csv", "thanh-hoa-commune-2025-illustrative,survey,", "thanh-hoa-commune-2099,survey,", "frameworks/components.csv:8: bộ tiêu chí 'thanh-hoa-commune-2099' không có trong frameworks.csv.")]
    [InlineData("frameworks/components.csv", "Điểm trừ,5,subtract,", "Điểm trừ,5,minus,", "frameworks/components.csv:10: cách tính vào chỉ số (in_index) 'minus' của thành phần 'penalty' không hợp lệ (phải là add, bonus hoặc subtract).")]
    [InlineData("frameworks/components.csv", "(tự chấm / thẩm định),80,add,", "(tự chấm / thẩm định),75,add,", "frameworks/components.csv:7: thành phần criteria của thanh-hoa-commune-2025-illustrative có max_points 75, nhưng Điểm chuẩn của các lĩnh vực trong bộ tiêu chí cộng lại được 80.")]
    [InlineData("frameworks/components.csv", "(tự chấm / thẩm định),70,add,", "(tự chấm / thẩm định),70,bonus,", "frameworks/components.csv:5: thành phần criteria (điểm theo bộ tiêu chí) của thanh-hoa-department-2023-illustrative phải có in_index là add, không phải bonus.")]
    [InlineData("frameworks/components.csv", "thanh-hoa-commune-2025-illustrative,bonus,", "thanh-hoa-commune-2025-illustrative,survey,", "frameworks/components.csv:9: thành phần 'survey' của bộ tiêu chí thanh-hoa-commune-2025-illustrative xuất hiện hai lần.")]
    [InlineData("frameworks/components.csv", "thanh-hoa-commune-2025-illustrative,bonus,", "thanh-hoa-commune-2025-illustrative,Điểm thưởng,", "frameworks/components.csv:9: mã thành phần (component) 'Điểm thưởng' không hợp lệ")]
    [InlineData("frameworks/components.csv", "Điểm thưởng,5,bonus,", "Điểm thưởng,năm,bonus,", "frameworks/components.csv:9: max_points 'năm' của thành phần 'bonus' phải là số dương viết với dấu chấm thập phân.")]
    [InlineData("frameworks/components.csv", "thanh-hoa-district-2020-illustrative,criteria,", "thanh-hoa-district-2020-illustrative,survey,", "frameworks/components.csv: bộ tiêu chí thanh-hoa-district-2020-illustrative không có dòng criteria (điểm theo bộ tiêu chí); mỗi bộ tiêu chí cần đúng một dòng criteria với max_points bằng tổng Điểm chuẩn 100.")]
    public void Load_BadEdit_FailsNamingFileAndLine(string file, string from, string to, string expected)
    {
        var path = folder.File(file);
        var text = File.ReadAllText(path);
        text.ShouldContain(from);
        File.WriteAllText(path, ReplaceFirst(text, from, to));

        var error = Should.Throw<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(folder.Path));

        error.Message.ShouldContain(expected);
        error.Message.ShouldStartWith(folder.Path);
        error.Message.ShouldNotContain("Parameter");
    }

    [Fact]
    public void Load_FrameworkWithoutCrosswalkRows_Fails()
    {
        var path = folder.File("frameworks/crosswalk.csv");
        File.WriteAllLines(path, File.ReadAllLines(path).Where(l => !l.StartsWith("thanh-hoa-district-2023-illustrative,", StringComparison.Ordinal)));

        Should.Throw<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(folder.Path))
            .Message.ShouldContain("bộ tiêu chí thanh-hoa-district-2023-illustrative có 113 tiêu chí chưa được ánh xạ tới khái niệm nào (1, 1.1, 1.1.1,");
    }

    [Fact]
    public void Load_WithoutComponentsFile_NamesIt()
    {
        File.Delete(folder.File("frameworks/components.csv"));

        Should.Throw<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(folder.Path))
            .Message.ShouldStartWith($"{folder.File("frameworks/components.csv")}: thiếu tệp này;");
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        File.Delete(folder.File("lineage.csv"));

        Should.Throw<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(folder.Path))
            .Message.ShouldBe($"{folder.File("lineage.csv")}: thiếu tệp này; một thư mục dữ liệu cần có units.csv, lineage.csv, frameworks/frameworks.csv, frameworks/concepts.csv, frameworks/crosswalk.csv, frameworks/components.csv (xem README, mục Data).");
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var index = text.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, index), to, text.AsSpan(index + from.Length));
    }
}
