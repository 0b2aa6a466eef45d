using CchcAnalytics.Core;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>data/commune-origins.csv as reference data (issue 13): read with the data folder (and embedded), checked
/// row by row, and stored by ingest in the database, where the views that group communes by former district read it.</summary>
public sealed class CommuneOriginsTests : IDisposable
{
    private readonly TempFolder folder = TestFiles.NewTempFolder();

    public CommuneOriginsTests()
    {
        var data = Path.Combine(TestFiles.RepositoryRoot, "data");
        foreach (var file in new[] { "units.csv", "lineage.csv", "levels.csv", "provinces.csv", "commune-origins.csv" })
        {
            File.Copy(Path.Combine(data, file), folder.File(file));
        }

        Directory.CreateDirectory(folder.File("frameworks"));
        foreach (var file in Directory.GetFiles(Path.Combine(data, "frameworks")))
        {
            File.Copy(file, Path.Combine(folder.File("frameworks"), Path.GetFileName(file)));
        }
    }

    public void Dispose() => folder.Dispose();

    [Fact]
    public void Load_DataFolder_ReadsEveryCommunesOrigin()
    {
        var origins = ReferenceData.LoadFromDirectory(folder.Path).Origins.ToDictionary(o => o.UnitId);

        origins.Count.ShouldBe(166);
        origins["thanh-hoa-xa-hoang-hoa"].ShouldSatisfyAllConditions(
            o => o.Status.ShouldBe("documented"),
            o => o.FormerDistricts.ShouldBe(["hoang-hoa"]),
            o => o.Unresolved.ShouldBe(""));
        // A commune of two former districts names both; one the sources place nowhere names none, and says why.
        origins["thanh-hoa-phuong-bim-son"].FormerDistricts.ShouldBe(["bim-son", "ha-trung"]);
        origins["thanh-hoa-phuong-bim-son"].FormerUnits.ShouldContain("Phường Ba Đình (thị xã Bỉm Sơn)");
        origins["thanh-hoa-xa-phu-xuan"].ShouldSatisfyAllConditions(
            o => o.Status.ShouldBe("partial"),
            o => o.FormerDistricts.ShouldBeEmpty(),
            o => o.Unresolved.ShouldContain("Phú Xuân"));
        origins.Values.Count(o => o.Status == "documented").ShouldBe(159);
    }

    [Fact]
    public void Embedded_HasTheSameOrigins() =>
        ReferenceData.Embedded.Origins.Select(o => (o.UnitId, string.Join('|', o.FormerDistricts)))
            .ShouldBe(ReferenceData.LoadFromDirectory(folder.Path).Origins.Select(o => (o.UnitId, string.Join('|', o.FormerDistricts))));

    [Fact]
    public void Load_WithoutTheFile_HasNoOrigins()
    {
        File.Delete(folder.File("commune-origins.csv"));

        ReferenceData.LoadFromDirectory(folder.Path).Origins.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("thanh-hoa-xa-hoang-hoa,15865,documented,hoang-hoa,", "thanh-hoa-xa-hoang-hai,15865,documented,hoang-hoa,", "đơn vị 'thanh-hoa-xa-hoang-hai' không có trong units.csv.")]
    [InlineData("thanh-hoa-xa-hoang-hoa,15865,documented,hoang-hoa,", "thanh-hoa-xa-hoang-hoa,15865,documented,hoang-hai,", "huyện cũ 'hoang-hai' của 'thanh-hoa-xa-hoang-hoa' không có trong units.csv.")]
    [InlineData("thanh-hoa-xa-hoang-hoa,15865,documented,hoang-hoa,", "thanh-hoa-xa-hoang-hoa,15865,chắc chắn,hoang-hoa,", "trạng thái (status) 'chắc chắn' của 'thanh-hoa-xa-hoang-hoa' không hợp lệ (phải là documented, partial, unknown).")]
    [InlineData("thanh-hoa-xa-hoang-hoa,15865,documented,hoang-hoa,", "thanh-hoa-phuong-ham-rong,15865,documented,hoang-hoa,", "đơn vị 'thanh-hoa-phuong-ham-rong' có hai dòng.")]
    public void Load_BadEdit_FailsNamingFileAndLine(string from, string to, string expected)
    {
        var path = folder.File("commune-origins.csv");
        var lines = File.ReadAllLines(path).ToList();
        var line = lines.FindIndex(l => l.StartsWith(from, StringComparison.Ordinal));
        line.ShouldBeGreaterThan(0);
        lines[line] = to + lines[line][from.Length..];
        File.WriteAllLines(path, lines);

        var error = Should.Throw<ReferenceDataException>(() => ReferenceData.LoadFromDirectory(folder.Path));

        error.Message.ShouldBe($"{path}:{line + 1}: {expected}");
    }

    [Fact]
    public void Ingest_DataFolderReference_StoresTheOriginsTheStoreGivesBack()
    {
        using var connections = new DuckDbConnectionFactory(":memory:");
        var store = new ScoreStore(connections);
        var reference = ReferenceData.LoadFromDirectory(folder.Path);

        _ = new IngestRunner(store, reference);

        var stored = store.Reference.LoadOrigins();
        stored.Count.ShouldBe(166);
        stored.Select(o => (o.UnitId, o.Status, string.Join('|', o.FormerDistricts), string.Join('|', o.FormerUnits), o.Unresolved))
            .ShouldBe(reference.Origins.OrderBy(o => o.UnitId, StringComparer.Ordinal).Select(o => (o.UnitId, o.Status, string.Join('|', o.FormerDistricts), string.Join('|', o.FormerUnits), o.Unresolved)));

        // A data folder written again replaces them, never doubles them.
        store.Reference.ReplaceOrigins([new CommuneOrigin("thanh-hoa-xa-hoang-hoa", "documented", ["hoang-hoa"], "")]);
        store.Reference.LoadOrigins().Single().FormerDistricts.ShouldBe(["hoang-hoa"]);
    }
}
