using CchcAnalytics.Core;
using CchcAnalytics.Storage;
using CchcAnalytics.Tests;

namespace CchcAnalytics.Ingest.Tests;

/// <summary>Every file of the bad-input corpus (tests/Ingest.Tests/BadInput, manifest expected.csv) through the path
/// the CLI takes (<c>cchc ingest FILE</c>: a plan, a runner on the store) and, for rejected files, the path the
/// dashboard's upload takes (bytes under the user's file name), each against a copy of a database that holds the
/// whole data folder. A rejected file must leave that database exactly as it was.</summary>
public sealed class BadInputCorpusTests(DataFolderDatabase database) : IClassFixture<DataFolderDatabase>, IDisposable
{
    private readonly TempFolder generated = TestFiles.NewTempFolder();

    public static TheoryData<string> Files { get; } = [.. BadInputCorpus.Entries.Select(e => e.File)];

    /// <summary>Warnings ingest adds about what storing did, not about the document: never stored with a submission.</summary>
    private static readonly string[] WriteNotes = [ProblemCodes.RealDataReplaced, ProblemCodes.SampleRetired, ProblemCodes.RealDataKept];

    public void Dispose() => generated.Dispose();

    [Theory]
    [MemberData(nameof(Files))]
    public void Ingest_CorpusFile_GivesTheManifestsOutcome(string file)
    {
        var entry = BadInputCorpus.Entry(file);
        var path = PathOf(entry);
        using var copy = database.NewCopy();
        var before = DatabaseFingerprint.Of(copy.Connections);

        // As `cchc ingest FILE --db …` runs it.
        var plan = DataFolder.Plan([path]);
        var report = new IngestRunner(copy.Store, plan.FromDataFolder ? plan.Reference : null)
            .RunPlan(plan, new IngestOptions(Actor: "test:corpus")).Documents.ShouldHaveSingleItem();

        ShouldMatch(report, entry, path);
        if (entry.Accepted)
        {
            var after = DatabaseFingerprint.Of(copy.Connections);
            report.Outcomes.ShouldNotBeEmpty();
            foreach (var outcome in report.Outcomes.Where(o => o.Action != SaveAction.Unchanged))
            {
                // The warnings are stored with every submission the file added, exactly as reported; the notes about the
                // write itself (these compact reports replace the stored real report) are in the audit trail instead.
                copy.Store.Submissions.GetProblems(outcome.SubmissionId).Select(p => (p.Severity, p.Code, p.Line, p.Cell))
                    .ShouldBe(report.Problems.Where(p => !WriteNotes.Contains(p.Code)).Select(p => (p.Severity, p.Code, p.Line, p.Cell)), ignoreOrder: true);
            }

            if (report.Outcomes.Any(o => o.Action != SaveAction.Unchanged))
            {
                after.ShouldNotBe(before, "the fingerprint must see what an accepted file wrote");
            }

            return;
        }

        report.Outcomes.ShouldBeEmpty();

        // As the dashboard's upload runs it: the bytes, under the name the user gave the file.
        var name = Path.GetFileName(path);
        var upload = new IngestRunner(copy.Store, null).Run(name, File.ReadAllBytes(path), new IngestOptions(Actor: "test:upload"));
        ShouldMatch(upload, entry, name);
        upload.Outcomes.ShouldBeEmpty();

        // Neither run wrote anything (a write is never undone by a later run, so one fingerprint covers both).
        var unchanged = DatabaseFingerprint.Of(copy.Connections);
        unchanged.ShouldBe(before, $"{file} was rejected, so the database must be unchanged. Before:{Environment.NewLine}{DatabaseFingerprint.Describe(before)}{Environment.NewLine}After:{Environment.NewLine}{DatabaseFingerprint.Describe(unchanged)}");
    }

    [Fact]
    public void Manifest_CoversEveryFileInTheFolder()
    {
        var committed = Directory.EnumerateFiles(BadInputCorpus.Folder)
            .Select(f => Path.GetFileName(f))
            .Where(f => !BadInputCorpus.NotEntries.Contains(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var listed = BadInputCorpus.Entries.Where(e => !e.Generated).Select(e => e.File).Order(StringComparer.Ordinal).ToList();

        listed.ShouldBe(committed);
        BadInputCorpus.Entries.Where(e => e.Generated).Select(e => e.File).ShouldBe(GeneratedBadInput.Writers.Keys, ignoreOrder: true);
        committed.Count.ShouldBeGreaterThanOrEqualTo(30);
        BadInputCorpus.Entries.Count.ShouldBeGreaterThanOrEqualTo(30);
        Directory.EnumerateDirectories(BadInputCorpus.Folder).ShouldBeEmpty();
    }

    [Fact]
    public void Manifest_EveryEntryIsExplainedAndRejectionsNameAnError()
    {
        foreach (var entry in BadInputCorpus.Entries)
        {
            entry.Note.ShouldNotBeEmpty($"{entry.File} needs a note saying what is wrong with it");
            if (entry.Accepted)
            {
                entry.Problems.ShouldAllBe(p => p.Severity == Severity.Warning, entry.File);
            }
            else
            {
                entry.Problems.ShouldContain(p => p.Severity == Severity.Error, entry.File);
            }
        }
    }

    [Theory]
    [InlineData("csv-missing-points.csv")]
    [InlineData("text-missing-points.txt")]
    public void Ingest_EmptyPoints_StoresNullNeverZero(string file)
    {
        using var copy = database.NewCopy();

        var report = new IngestRunner(copy.Store, null).Run(Path.Combine(BadInputCorpus.Folder, file), new IngestOptions());

        report.Accepted.ShouldBeTrue();
        var scores = copy.Store.Submissions.GetScores(report.Outcomes.ShouldHaveSingleItem().SubmissionId);
        scores.Single(s => s.Code == "7.1.4").Points.ShouldBeNull();
        scores.Single(s => s.Code == "7.1.5").Points.ShouldBeNull();
        scores.Single(s => s.Code == "7.1.3").Points.ShouldBe(1.5m);
    }

    [Fact]
    public void Fingerprint_SeesOneChangedValue()
    {
        using var copy = database.NewCopy();
        var before = DatabaseFingerprint.Of(copy.Connections);
        using (var connection = copy.Connections.Open())
        using (var command = connection.CreateCommand())
        {
            command.CommandText = "UPDATE score SET points = NULL WHERE points = 0 AND code = '7.1.4' AND submission_id = (SELECT min(submission_id) FROM submission WHERE unit_id = 'hoang-hoa' AND year = 2017)";
            command.ExecuteNonQuery().ShouldBe(1);
        }

        var after = DatabaseFingerprint.Of(copy.Connections);

        after.Single(f => f.Name == "score").Rows.ShouldBe(before.Single(f => f.Name == "score").Rows);
        after.Single(f => f.Name == "score").Hash.ShouldNotBe(before.Single(f => f.Name == "score").Hash);
        after.Where(f => f.Name != "score").ShouldBe(before.Where(f => f.Name != "score"));
        before.Select(f => f.Name).ShouldContain("sequence submission_id_seq");
        database.SubmissionCount.ShouldBeGreaterThan(400);
    }

    private static void ShouldMatch(FileReport report, CorpusEntry entry, string file)
    {
        var actual = report.Problems.Select(p => $"{p.Severity} {p.Code} line {p.Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} cell {p.Cell ?? "-"}: {p.Message}");
        var message = $"{entry.File}: {entry.Note}{Environment.NewLine}Problems:{Environment.NewLine}{string.Join(Environment.NewLine, actual)}";
        report.Accepted.ShouldBe(entry.Accepted, message);
        report.Problems.ShouldAllBe(p => p.File == file, message);
        report.Problems.Select(p => (p.Severity, p.Code, p.Line, p.Cell)).OrderBy(p => p.ToString(), StringComparer.Ordinal)
            .ShouldBe(entry.Problems.Select(p => (p.Severity, p.Code, p.Line, p.Cell)).OrderBy(p => p.ToString(), StringComparer.Ordinal), message);
        foreach (var expected in entry.Problems.Where(p => p.Numbers.Count > 0))
        {
            var problem = report.Problems.First(p => (p.Severity, p.Code, p.Line, p.Cell) == (expected.Severity, expected.Code, expected.Line, expected.Cell));
            var numbers = BadInputCorpus.NumbersIn(problem.Message);
            foreach (var number in expected.Numbers)
            {
                numbers.ShouldContain(number, $"{entry.File}: {expected} must state {number}: {problem.Message}");
            }
        }
    }

    private string PathOf(CorpusEntry entry)
    {
        if (!entry.Generated)
        {
            return Path.Combine(BadInputCorpus.Folder, entry.File);
        }

        var path = generated.File(entry.File[GeneratedBadInput.Prefix.Length..]);
        GeneratedBadInput.Writers[entry.File](path);
        return path;
    }
}
