using CchcAnalytics.Core;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Reliability.Tests;

/// <summary>Two valid versions of the same sample files: A, byte copies of <c>data/sample</c>, and B, the same
/// unit-years with changed points (one scored row per submission 0.5 lower, its parents with it, so every sum still
/// holds). Knows every submission's expected scores and content hash in both versions.</summary>
internal sealed class SubmissionVersions
{
    private const decimal Step = 0.5m;

    private SubmissionVersions(IReadOnlyList<VersionedFile> files) => Files = files;

    public IReadOnlyList<VersionedFile> Files { get; }

    /// <summary>Every unit-year-stage of every file.</summary>
    public IEnumerable<(SubmissionKey Key, VersionedFile File)> Keys =>
        Files.SelectMany(f => f.A.Keys.Select(k => (k, f)));

    public static SubmissionVersions Create(IEnumerable<string> sampleFiles, string folder)
    {
        var validator = new IngestRunner(ReferenceData.Embedded);
        var names = ReferenceData.Embedded.Units.ToDictionary(u => u.Id, u => u.Name, StringComparer.Ordinal);
        var random = new Random(20240601);
        var files = new List<VersionedFile>();
        foreach (var sample in sampleFiles)
        {
            var name = Path.GetFileName(sample);
            var aPath = Path.Combine(folder, "a-" + name);
            File.Copy(sample, aPath);
            var a = Expect(validator, aPath);

            var rows = new List<ExportRow>();
            foreach (var submission in a.Values)
            {
                var changed = Lower(submission.Scores, random);
                rows.AddRange(changed.Select(s => new ExportRow(
                    submission.UnitId, names[submission.UnitId], submission.Year, submission.Stage.ToCode(),
                    s.Code, s.Level.ToCode(), s.Name, s.MaxPoints, s.Points, s.Evidence, Synthetic: true)));
            }

            var bPath = Path.Combine(folder, "b-" + name);
            using (var writer = new StreamWriter(bPath, append: false, new System.Text.UTF8Encoding(false)))
            {
                CanonicalCsv.Write(writer, rows);
            }

            var b = Expect(validator, bPath);
            b.Keys.Order().ShouldBe(a.Keys.Order(), $"{bPath} holds other unit-years than {aPath}");
            foreach (var key in a.Keys)
            {
                b[key].ComputeContentHash().ShouldNotBe(a[key].ComputeContentHash(), $"{key} is the same in A and B");
            }

            files.Add(new VersionedFile(aPath, bPath, a, b));
        }

        return new SubmissionVersions(files);
    }

    /// <summary>Validates a file without a database; it must be accepted with no warning, so B is as valid as A.</summary>
    private static Dictionary<SubmissionKey, ScoreSheet> Expect(IngestRunner validator, string path)
    {
        var report = validator.Run(path, new IngestOptions());
        report.Problems.ShouldBeEmpty($"{path} must be a clean, valid file");
        return report.Submissions.ToDictionary(s => SubmissionKey.Of(s.Sheet), s => s.Sheet);
    }

    /// <summary>Lowers one scored leaf row (chosen at random among those with at least <see cref="Step"/> points) and
    /// every ancestor by <see cref="Step"/>: sums, maxima and non-negativity all still hold.</summary>
    private static List<Score> Lower(IReadOnlyList<Score> scores, Random random)
    {
        var codes = scores.Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        var leaves = scores
            .Where(s => s.Points >= Step && !scores.Any(c => CriterionCode.ParentOf(c.Code) == s.Code))
            .ToList();
        leaves.ShouldNotBeEmpty();
        var leaf = leaves[random.Next(leaves.Count)];
        var lowered = new HashSet<string>(StringComparer.Ordinal);
        for (var code = leaf.Code; code is not null; code = CriterionCode.ParentOf(code))
        {
            codes.ShouldContain(code);
            lowered.Add(code);
        }

        return scores.Select(s => lowered.Contains(s.Code) ? s with { Points = s.Points - Step } : s).ToList();
    }
}
