using System.Globalization;
using System.Text;
using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Sample;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Bench.Scale;

/// <summary>What <see cref="ScaleData.Write"/> wrote.</summary>
/// <param name="Folder">The scaled data folder.</param>
/// <param name="Scale">×N: the district level has N × 27 units a year (26 + (N − 1) × 27 in 2024, after Đông Sơn's merger).</param>
/// <param name="SyntheticUnits">District units added to units.csv (<c>bench-d0001</c> …).</param>
/// <param name="SampleFiles">The canonical CSV files of the sample, in ingest order.</param>
/// <param name="SampleRows">Data rows in those files (every one <c>synthetic=true</c>).</param>
/// <param name="SampleBytes">Bytes of those files.</param>
public sealed record ScaleDataInfo(string Folder, int Scale, int SyntheticUnits, IReadOnlyList<string> SampleFiles, long SampleRows, long SampleBytes);

/// <summary>Writes a scaled copy of a data folder for the scale bench: the folder's reference data, published results and
/// real reports unchanged, (N − 1) × 27 synthetic district units added to <c>units.csv</c>, and the labelled synthetic
/// sample regenerated for every unit by <see cref="SampleGenerator"/> (the generator of <c>cchc sample</c>, same seed).
/// Deterministic: the same folder, scale and seed give byte-identical files (the generator's randomness depends only on
/// the seed and a key; unit names come from fixed lists). At ×1 nothing is added, so the sample equals the committed one.</summary>
/// <remarks>A year's sample is split into files of at most <see cref="UnitsPerFile"/> units (a unit's two stages stay in
/// one file), because one year at ×25 (about 158,000 rows, 25 MB) is over the 20 MB ingest limit and at ×120 (about
/// 730,000 rows) over the 200,000-row one (src/Ingest/IngestLimits.cs). The output is for benchmarks only: never commit it.</remarks>
public static class ScaleData
{
    /// <summary>Units of one sample file: about 68,000 rows and 11 MB, well under both ingest limits.</summary>
    public const int UnitsPerFile = 300;

    /// <summary>District units a year in the repository's data (2017–2023).</summary>
    public const int UnitsPerScale = 27;

    /// <summary>Prefix of the synthetic units' ids: <c>bench-d0001</c>.</summary>
    public const string UnitIdPrefix = "bench-d";

    private const string Province = "thanh-hoa";

    // Syllables of Vietnamese place names, each with a different ASCII spelling, so that two synthetic names never
    // match each other even loosely; pairs that collide with a real unit's name or alias are skipped.
    private static readonly string[] Syllables =
    [
        "An", "Bình", "Cẩm", "Cao", "Châu", "Chí", "Diên", "Đại", "Đức", "Đông", "Gia", "Giang", "Hà", "Hải", "Hòa", "Hồng",
        "Hưng", "Hương", "Khánh", "Kim", "Lạc", "Lâm", "Lập", "Liên", "Linh", "Lộc", "Long", "Minh", "Mỹ", "Nam", "Nghĩa",
        "Ngọc", "Nhân", "Ninh", "Phong", "Phú", "Phúc", "Phước", "Quang", "Quế", "Sơn", "Tân", "Thạch", "Thái", "Thành",
        "Thịnh", "Thọ", "Thuận", "Thượng", "Tiên", "Tiến", "Trung", "Trường", "Tú", "Tường", "Vân", "Việt", "Vĩnh", "Xuân",
        "Yên", "Hậu", "Hiệp", "Định", "Khê", "Lương", "Mai", "Đoàn", "Bảo", "Quý", "Triệu",
    ];

    /// <summary>Writes the scaled folder into <paramref name="target"/> (which must not exist or be empty).</summary>
    public static ScaleDataInfo Write(string sourceData, string target, int scale, int seed = SampleGenerator.DefaultSeed, int unitsPerFile = UnitsPerFile)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(unitsPerFile, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceData);
        ArgumentException.ThrowIfNullOrWhiteSpace(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(scale, 1);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new InvalidOperationException($"{target} is not empty: the scaled data folder is written into a new folder.");
        }

        CopyReferenceAndReal(sourceData, target);
        IReadOnlyList<Unit> existing;
        using (var units = new StreamReader(Path.Combine(target, "units.csv"), Encoding.UTF8))
        {
            existing = ReferenceData.ParseUnits(units, "units.csv");
        }

        var synthetic = SyntheticUnits((scale - 1) * UnitsPerScale, existing);
        if (synthetic.Count > 0)
        {
            var csv = new StringBuilder(File.ReadAllText(Path.Combine(target, "units.csv"), Encoding.UTF8));
            if (csv.Length > 0 && csv[^1] != '\n')
            {
                csv.Append('\n');
            }

            foreach (var (id, name) in synthetic)
            {
                // Like the real huyện: no start, index years up to 2024, district level ended by the 2025 event.
                csv.Append(CultureInfo.InvariantCulture, $"{id},{name},huyen,{Province},,2025-06-30,,2024,,\n");
            }

            File.WriteAllText(Path.Combine(target, "units.csv"), csv.ToString(), new UTF8Encoding(false));
        }

        var inputs = SampleInputs.FromDataFolder(target);
        var years = new SampleGenerator(inputs).Generate(new SampleOptions(Seed: seed));
        var sampleFolder = Directory.CreateDirectory(Path.Combine(target, DataFolder.SampleFolder)).FullName;
        File.WriteAllText(Path.Combine(sampleFolder, "README.md"), Readme(scale, synthetic.Count, seed), new UTF8Encoding(false));
        var files = new List<string>();
        long rows = 0;
        long bytes = 0;
        foreach (var year in years)
        {
            if (year.Rows.Any(r => !r.Synthetic))
            {
                throw new InvalidOperationException($"The sample of {year.Year} has a row not marked synthetic.");
            }

            var batches = year.Rows.GroupBy(r => r.UnitId, StringComparer.Ordinal)
                .Select((unit, i) => (Batch: i / unitsPerFile, Rows: unit))
                .GroupBy(u => u.Batch, u => u.Rows)
                .ToList();
            foreach (var batch in batches)
            {
                var name = batches.Count == 1
                    ? year.FileName
                    : Path.GetFileNameWithoutExtension(year.FileName) + string.Create(CultureInfo.InvariantCulture, $"-part{batch.Key + 1:00}.csv");
                var batchRows = batch.SelectMany(u => u).ToList();
                var path = Path.Combine(sampleFolder, name);
                using (var writer = new StreamWriter(path, append: false, new UTF8Encoding(false)))
                {
                    CanonicalCsv.Write(writer, batchRows);
                }

                var size = new FileInfo(path).Length;
                if (size > IngestLimits.MaxFileBytes || batchRows.Count > IngestLimits.MaxCsvRows)
                {
                    throw new InvalidOperationException($"{path} ({size} bytes, {batchRows.Count} rows) is over an ingest limit: lower UnitsPerFile.");
                }

                files.Add(path);
                rows += batchRows.Count;
                bytes += size;
            }
        }

        return new ScaleDataInfo(Path.GetFullPath(target), scale, synthetic.Count, files, rows, bytes);
    }

    /// <summary>The synthetic units: ids <c>bench-d0001</c> …, names of two syllables ("Phú Lộc") followed by "mẫu".</summary>
    public static IReadOnlyList<(string Id, string Name)> SyntheticUnits(int count, IReadOnlyList<Unit> existing)
    {
        ArgumentNullException.ThrowIfNull(existing);
        var taken = existing.SelectMany(u => u.Aliases.Append(u.Name)).Select(VietnameseText.AsciiKey).ToHashSet(StringComparer.Ordinal);
        var units = new List<(string, string)>(count);
        var n = Syllables.Length;
        for (var k = 0; units.Count < count; k++)
        {
            if (k >= n * n)
            {
                throw new InvalidOperationException($"Only {units.Count} synthetic unit names are available; {count} were asked for.");
            }

            // Walk the pairs diagonally (each syllable with the next, then with the one after next …), so that
            // neighbouring ids do not all share their first syllable.
            var (first, second) = (Syllables[k % n], Syllables[((k / n) + 1 + k) % n]);
            if (first == second || taken.Contains(VietnameseText.AsciiKey($"{first} {second}")))
            {
                continue;
            }

            units.Add((string.Create(CultureInfo.InvariantCulture, $"{UnitIdPrefix}{units.Count + 1:0000}"), $"{first} {second} mẫu"));
        }

        return units;
    }

    private static void CopyReferenceAndReal(string sourceData, string target)
    {
        var source = new DirectoryInfo(sourceData);
        if (!ReferenceData.IsDataDirectory(source.FullName))
        {
            throw new InvalidOperationException($"{sourceData} is not a data folder (units.csv, lineage.csv, frameworks/).");
        }

        foreach (var file in source.EnumerateFiles("*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source.FullName, file.FullName);
            if (relative.StartsWith(DataFolder.SampleFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                || file.Name.Contains(".duckdb", StringComparison.Ordinal))
            {
                continue;
            }

            var copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            file.CopyTo(copy);
        }
    }

    private static string Readme(int scale, int synthetic, int seed) => string.Create(CultureInfo.InvariantCulture, $"""
        # DỮ LIỆU MẪU CHO ĐO HIỆU NĂNG — SYNTHETIC BENCHMARK DATA

        Sinh bởi bench/Bench (--scale {scale}): toàn bộ tệp trong thư mục này là dữ liệu mẫu, không phải điểm thật của
        đơn vị nào; mọi dòng có synthetic=true. {synthetic} đơn vị bench-d… trong units.csv là đơn vị giả định.

        Generated by bench/Bench at scale x{scale} (seed {seed}) with {synthetic} synthetic units added to units.csv.
        Every file here is synthetic. Never commit it.

        """);
}
