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
    public void Load_UnchangedCopy_Loads() => ReferenceData.LoadFromDirectory(folder.Path).Units.Count.ShouldBe(48);

    [Theory]
    [InlineData("frameworks/crosswalk.csv", "thanh-hoa-district-2017,1.1,reform-plan,", "thanh-hoa-district-2017,1.1,no-such-concept,", "frameworks/crosswalk.csv:3: concept 'no-such-concept' is not in")]
    [InlineData("frameworks/crosswalk.csv", "thanh-hoa-district-2017,1.1,reform-plan,", "thanh-hoa-district-2099,1.1,reform-plan,", "frameworks/crosswalk.csv:3: framework 'thanh-hoa-district-2099' is not in frameworks.csv.")]
    [InlineData("frameworks/crosswalk.csv", "thanh-hoa-district-2017,1.1,reform-plan,", "thanh-hoa-district-2017,9.9,reform-plan,", "frameworks/crosswalk.csv:3: thanh-hoa-district-2017 has no criterion 9.9.")]
    [InlineData("lineage.csv", ",tinh-gia,nghi-son,", ",tinh-gia,nowhere,", "lineage.csv:3: event 'tinh-gia-nghi-son-2020' names unit 'nowhere', which is not in units.csv.")]
    [InlineData("units.csv", "dong-son,Đông Sơn,huyen,thanh-hoa,,,,2023,", "dong-son,Đông Sơn,huyen,thanh-hoa,,,,2024,", "lineage.csv:4: event 'dong-son-merged-2024' takes effect for index year 2024, so dong-son's last_year in units.csv must be 2023, not 2024.")]
    [InlineData("units.csv", "ba-thuoc,Bá Thước,huyen,", "ba-thuoc,\"Bá Thước,huyen,", "units.csv")]
    [InlineData("units.csv", "cam-thuy,Cẩm Thủy,", "ba-thuoc,Cẩm Thủy,", "units.csv:7: unit id 'ba-thuoc' appears twice.")]
    [InlineData("frameworks/frameworks.csv", "thanh-hoa,district,2020,2022,", "thanh-hoa,district,20x0,2022,", "frameworks/frameworks.csv:3: '20x0' is not a year.")]
    [InlineData("frameworks/frameworks.csv", "thanh-hoa,district,2023,2024,", "thanh-hoa,district,2022,2024,", "thanh-hoa-district-2020-illustrative and thanh-hoa-district-2023-illustrative both apply to some of the same years")]
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
            .Message.ShouldContain("framework thanh-hoa-district-2023-illustrative has 113 criteria without a concept (1, 1.1, 1.1.1,");
    }

    [Fact]
    public void Load_MissingFile_NamesIt()
    {
        File.Delete(folder.File("lineage.csv"));

        Should.Throw<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(folder.Path))
            .Message.ShouldBe($"{folder.File("lineage.csv")} is missing: a data folder needs units.csv, lineage.csv, frameworks/frameworks.csv, frameworks/concepts.csv, frameworks/crosswalk.csv (see README, Data).");
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        var index = text.IndexOf(from, StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, index), to, text.AsSpan(index + from.Length));
    }
}
