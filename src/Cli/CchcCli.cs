using CchcAnalytics.Core;
using System.CommandLine;
using CchcAnalytics.Ingest;
using CchcAnalytics.Ingest.Csv;
using CchcAnalytics.Ingest.Reference;
using CchcAnalytics.Sample;
using CchcAnalytics.Storage;
using System.Globalization;

namespace CchcAnalytics.Cli;

/// <summary>The <c>cchc</c> command: ingest, validate and export CCHC (PAR index) score tables.</summary>
public static class CchcCli
{
    /// <summary>Default database, relative to the current folder.</summary>
    public const string DefaultDatabase = "data/cchc.duckdb";

    /// <summary>Runs the command line; output goes to the given writers so tests can read it.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, Console.In, output, error);

    /// <summary>Runs the command line with the given input (passwords for <c>cchc user … --password-stdin</c>).</summary>
    public static int Run(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var root = new RootCommand("cchc — CCHC Analytics: ingest, validate and export Administrative Reform Index (Chỉ số CCHC) score tables.");
        root.Subcommands.Add(IngestCommand(output, error));
        root.Subcommands.Add(ValidateCommand(output, error));
        root.Subcommands.Add(ExportCommand(output, error));
        root.Subcommands.Add(SampleCommand(output));
        root.Subcommands.Add(AnalyticsCommands.Report(output, error));
        root.Subcommands.Add(AnalyticsCommands.Rank(output, error));
        root.Subcommands.Add(AnalyticsCommands.Charts(output, error));
        root.Subcommands.Add(AnalyticsCommands.Pack(output, error));
        root.Subcommands.Add(UserCommands.User(input, output, error));
        var parse = root.Parse(args);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is ReferenceDataException or SchemaVersionException)
        {
            // Bad reference files or a database from a newer build: the user's data to fix, named by file and line.
            error.WriteLine($"cchc: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or DuckDB.NET.Data.DuckDBException)
        {
            // Expected failures of the environment (disk, permissions, a damaged database): a plain message, no stack trace.
            error.WriteLine($"cchc: {ex.Message}");
            return 2;
        }
    }

    internal static Option<string> DatabaseOption() => new("--db")
    {
        Description = $"DuckDB database file (default {DefaultDatabase} under the current folder).",
        DefaultValueFactory = _ => DefaultDatabase,
    };

    /// <summary><c>--level so|huyen|xa</c> (data/levels.csv's codes; the model's ids and labels are accepted too).</summary>
    internal static Option<string?> LevelOption() => new("--level")
    {
        Description = "Level: a code of data/levels.csv (so = sở, ban, ngành; huyen = cấp huyện; xa = cấp xã). Default: the dashboard's default level when it has data that year, else the level with the most units that year.",
    };

    /// <summary>The level <paramref name="text"/> names, or the default for <paramref name="year"/>; null (after saying
    /// why on <paramref name="error"/>) for a level the data do not have.</summary>
    internal static Core.LevelInfo? Level(Analytics.IndexData data, string province, string? text, int year, TextWriter error)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Analytics.DataScope.LevelForYear(data, province, year);
        }

        if (Analytics.DataScope.FindLevel(data, province, text) is { } level)
        {
            return level;
        }

        error.WriteLine($"Unknown level '{text}'. Levels: {string.Join(", ", Analytics.DataScope.Levels(data, province).Select(c => $"{c.Level.Code} ({c.Level.Id})"))}.");
        return null;
    }

    private static Argument<string[]> PathsArgument() => new("paths")
    {
        Description = "Files or folders (searched recursively for .txt, .csv, .xlsx and .docx). A data folder like data/ " +
                      "(units.csv, lineage.csv, frameworks/, published/, raw/, sample/) is loaded whole.",
        Arity = ArgumentArity.OneOrMore,
    };

    private static Option<string?> DataOption() => new("--data")
    {
        Description = "Data folder whose reference files (units.csv, lineage.csv, frameworks/) to check against. validate: " +
                      "default ./data when it is one, else the copy built into the program. ingest: replaces the database's " +
                      "reference data first (default: the database's own).",
    };

    /// <summary>The reference data of ./data (or of the current folder when it is a data folder); null when neither.</summary>
    private static ReferenceData? DefaultReference() =>
        DataFolder.DefaultReferenceFolder(Directory.GetCurrentDirectory()) is { } folder ? ReferenceData.LoadFromDirectory(folder) : null;

    private static Option<string?> UnitOption() => new("--unit")
    {
        Description = "Unit id or name, when a document does not name its unit (e.g. hoang-hoa).",
    };

    private static Option<int?> YearOption() => new("--year")
    {
        Description = "Index year, when a document does not state it.",
    };

    private static Command IngestCommand(TextWriter output, TextWriter error)
    {
        var paths = PathsArgument();
        var db = DatabaseOption();
        var unit = UnitOption();
        var year = YearOption();
        var data = DataOption();
        var command = new Command("ingest", "Validate files and store every accepted file in the database, each all-or-nothing.") { paths, db, unit, year, data };
        command.SetAction(result =>
        {
            // The operator of the command line may define a year's (draft) framework, as a province account may.
            var options = new IngestOptions(result.GetValue(unit), result.GetValue(year), Actor: $"cli:{Environment.UserName}", MayDefineFramework: true);
            // --data refreshes the database's reference data from that folder; without it the database's own is used
            // (an empty database is seeded from ./data when there is one, else from the copy built into the program).
            var plan = DataFolder.Plan(result.GetValue(paths) ?? [], result.GetValue(data));
            if (plan.DocumentFiles.Count == 0 && plan.PublishedFiles.Count == 0 && !plan.FromDataFolder)
            {
                error.WriteLine("No .txt, .csv, .xlsx or .docx files found in the given paths.");
                return 1;
            }

            try
            {
                using var connections = new DuckDbConnectionFactory(result.GetValue(db)!);
                var runner = new IngestRunner(new ScoreStore(connections), plan.FromDataFolder ? plan.Reference : null, DefaultReference);
                if (plan.FromDataFolder)
                {
                    var reference = plan.Reference;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"reference data: {reference.Units.Count} units, {reference.Lineage.Count} lineage events, {reference.Frameworks.Count} frameworks ({reference.Frameworks.Count(f => f.Status == Core.FrameworkStatus.Illustrative)} khung minh họa), {reference.Crosswalk.Entries.Count} crosswalk rows"));
                }

                return RunPlan(plan, runner, options, output, error, storing: true);
            }
            catch (DatabaseLockedException ex)
            {
                error.WriteLine(ex.Message);
                return 1;
            }
        });
        return command;
    }

    private static Command ValidateCommand(TextWriter output, TextWriter error)
    {
        var paths = PathsArgument();
        var format = new Option<string>("--format")
        {
            Description = "text (one line per file) or json (an array of file results).",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var unit = UnitOption();
        var year = YearOption();
        var data = DataOption();
        var command = new Command("validate", "Run every ingest check without a database.") { paths, format, unit, year, data };
        command.SetAction(result =>
        {
            var options = new IngestOptions(result.GetValue(unit), result.GetValue(year), MayDefineFramework: true);
            // Checked against the reference files of a data folder among the paths, else of --data, else of ./data (run
            // in a clone of the repository), else the copy built into the program: a unit added to data/units.csv is
            // known without a rebuild.
            var plan = DataFolder.Plan(result.GetValue(paths) ?? [], result.GetValue(data) ?? DataFolder.DefaultReferenceFolder(Directory.GetCurrentDirectory()));
            var runner = new IngestRunner(plan.Reference);
            if (result.GetValue(format) == "json")
            {
                var reports = plan.DocumentFiles.Select(f => RunOne(f, file => runner.Run(file, options))).ToList();
                output.WriteLine(ReportFormatter.Json(reports));
                return reports.All(r => r.Accepted) && reports.Count > 0 ? 0 : 1;
            }

            if (plan.DocumentFiles.Count == 0 && plan.PublishedFiles.Count == 0)
            {
                error.WriteLine("No .txt, .csv, .xlsx or .docx files found in the given paths.");
                return 1;
            }

            return RunPlan(plan, runner, options, output, error, storing: false);
        });
        return command;
    }

    private static Command SampleCommand(TextWriter output)
    {
        var outDirectory = new Option<string>("--out")
        {
            Description = "Folder for the generated canonical CSV files (the repository keeps them in data/sample).",
            Required = true,
        };
        var data = new Option<string>("--data")
        {
            Description = "Data folder with units, lineage, frameworks, published results and real documents.",
            DefaultValueFactory = _ => "data",
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed; the same seed and data give byte-identical files.",
            DefaultValueFactory = _ => SampleGenerator.DefaultSeed,
        };
        var command = new Command("sample", "Generate the labelled synthetic sample (every level and unit, the years of the level's frameworks: districts 2017–2024, departments 2023–2026, communes 2025–2026; both stages, the self-assessed one only for the year under way), calibrated to published results.")
        {
            outDirectory, data, seed,
        };
        command.SetAction(result =>
        {
            var inputs = SampleInputs.FromDataFolder(result.GetValue(data)!);
            var options = new SampleOptions(Seed: result.GetValue(seed));
            var files = new SampleGenerator(inputs).Generate(options);
            var written = SampleWriter.Write(files, result.GetValue(outDirectory)!);
            foreach (var (file, path) in files.Zip(written))
            {
                var units = file.Rows.Select(r => r.UnitId).Distinct().Count();
                var status = inputs.Reference.Frameworks.Single(f => f.Id == file.FrameworkId).Status;
                var label = status == Core.FrameworkStatus.Illustrative ? " (khung minh họa: illustrative, not official)" : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"wrote {path}: {file.Level} {file.Year}, {units} units × {(file.Stages.Count == 2 ? "2 stages" : "self-assessed only")}, {file.Rows.Count} rows, framework {file.FrameworkId}{label} [synthetic: dữ liệu mẫu]"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Skipped unit-years with real data: {string.Join(", ", inputs.RealUnitYears.Select(r => $"{r.UnitId} {r.Year}"))}. Seed {options.Seed}."));
            return 0;
        });
        return command;
    }

    private static Command ExportCommand(TextWriter output, TextWriter error)
    {
        var db = DatabaseOption();
        var outFile = new Option<string>("--out")
        {
            Description = "Output CSV file ('-' for standard output).",
            Required = true,
        };
        var year = new Option<int?>("--year")
        {
            Description = "Only this index year (the canonical CSV of one year; every year when left out).",
        };
        var split = new Option<bool>("--split")
        {
            Description = string.Create(CultureInfo.InvariantCulture, $"Write into the folder --out one canonical CSV per year, cut into parts of at most {ExportPartRows:N0} rows at unit boundaries (cchc-scores-2023.csv, cchc-scores-2023-part02.csv …), so that every file stays within the ingest limits and 'cchc ingest FOLDER' reads the export again at any size."),
        };
        var scores = new Command("scores", "Write the canonical CSV of every current submission (streamed: memory stays bounded at any size).") { db, outFile, year, split };
        scores.SetAction(result =>
        {
            var path = result.GetValue(db)!;
            if (!File.Exists(path))
            {
                error.WriteLine($"Database '{path}' does not exist. Run 'cchc ingest … --db {path}' first.");
                return 1;
            }

            try
            {
                using var connections = new DuckDbConnectionFactory(path);
                var selection = new ScoreStore(connections).Submissions.CurrentRows(result.GetValue(year));
                var written = 0L;
                var rows = selection.Rows.Select(r =>
                {
                    written++;
                    return r;
                });
                var target = result.GetValue(outFile)!;
                if (result.GetValue(split))
                {
                    if (target == "-")
                    {
                        error.WriteLine("--split writes files into a folder: give the folder with --out, not '-'.");
                        return 1;
                    }

                    return WriteSplit(selection, target, error);
                }

                if (target == "-")
                {
                    CanonicalCsv.Write(output, rows, selection.AnySynthetic);
                }
                else
                {
                    var directory = Path.GetDirectoryName(Path.GetFullPath(target));
                    if (!string.IsNullOrEmpty(directory))
                    {
                        Directory.CreateDirectory(directory);
                    }

                    using (var writer = new StreamWriter(target, append: false, new System.Text.UTF8Encoding(false)))
                    {
                        CanonicalCsv.Write(writer, rows, selection.AnySynthetic);
                    }

                    var submissions = selection.Submissions.Count(s => s.RowCount > 0);
                    error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {written} rows ({submissions} submission{(submissions == 1 ? "" : "s")}) to {target}."));
                }

                return 0;
            }
            catch (DatabaseLockedException ex)
            {
                error.WriteLine(ex.Message);
                return 1;
            }
        });
        var export = new Command("export", "Export data from the database.");
        export.Subcommands.Add(scores);
        return export;
    }

    /// <summary>Rows of one file of <c>cchc export scores --split</c>: well under the canonical CSV's 200,000-row and
    /// 20 MB limits (a row averages ~160 bytes; 60,000 rows ≈ 10 MB).</summary>
    internal const int ExportPartRows = 60_000;

    private static int WriteSplit(CurrentRows selection, string folder, TextWriter error)
    {
        Directory.CreateDirectory(folder);
        var parts = selection.Split(ExportPartRows);
        long rows = 0;
        foreach (var yearParts in parts.GroupBy(p => p.Submissions[0].Year))
        {
            var index = 0;
            foreach (var part in yearParts)
            {
                index++;
                var name = yearParts.Count() == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"cchc-scores-{yearParts.Key}.csv")
                    : string.Create(CultureInfo.InvariantCulture, $"cchc-scores-{yearParts.Key}-part{index:00}.csv");
                using var writer = new StreamWriter(Path.Combine(folder, name), append: false, new System.Text.UTF8Encoding(false));
                CanonicalCsv.Write(writer, part.Rows, part.AnySynthetic);
                rows += part.Submissions.Sum(s => s.RowCount);
            }
        }

        var submissions = selection.Submissions.Count(s => s.RowCount > 0);
        error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {rows} rows ({submissions} submission{(submissions == 1 ? "" : "s")}) in {parts.Count} file{(parts.Count == 1 ? "" : "s")} to {folder}."));
        return 0;
    }

    private static int RunPlan(IngestPlan plan, IngestRunner runner, IngestOptions options, TextWriter output, TextWriter error, bool storing)
    {
        var (accepted, rejected) = (0, 0);
        foreach (var file in plan.PublishedFiles)
        {
            var report = runner.RunPublished(file, options.Actor);
            (accepted, rejected) = report.Accepted ? (accepted + 1, rejected) : (accepted, rejected + 1);
            ReportFormatter.WritePublished(report, output, storing);
        }

        return RunFiles(plan.DocumentFiles, f => runner.Run(f, options), output, error, storing, accepted, rejected);
    }

    /// <summary>Runs one file of a batch. The readers turn every input into problems; should one still throw, that
    /// file is rejected with <c>internal-error</c> and the batch goes on (issue 12, §5). Failures of the environment
    /// (the database, the disk) are not the file's: they still stop the command with exit code 2.</summary>
    internal static FileReport RunOne(string file, Func<string, FileReport> run)
    {
        try
        {
            return run(file);
        }
        catch (Exception ex) when (ex is not (IOException or UnauthorizedAccessException or DuckDB.NET.Data.DuckDBException
                                       or DatabaseLockedException or SchemaVersionException or ReferenceDataException or OutOfMemoryException))
        {
            var problem = Core.Problem.Error(Core.ProblemCodes.InternalError, file, null,
                $"Lỗi nội bộ khi xử lý tệp {Path.GetFileName(file)}: không có gì của tệp này được ghi; các tệp khác vẫn được xử lý. Đây là lỗi của chương trình, không phải của tệp; hãy gửi tệp này cho người quản trị.") with { Detail = ex.ToString() };
            return new FileReport(ValidationResult.Rejected(file, Path.GetExtension(file).TrimStart('.').ToLowerInvariant(), [problem]), []);
        }
    }

    internal static int RunFiles(IReadOnlyList<string> files, Func<string, FileReport> run, TextWriter output, TextWriter error, bool storing, int acceptedBefore = 0, int rejectedBefore = 0)
    {
        var showProgress = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected && files.Count > 1;
        var rejected = 0;
        for (var i = 0; i < files.Count; i++)
        {
            if (showProgress)
            {
                error.Write($"\r[{i + 1}/{files.Count}] {TerminalText.Escape(Path.GetFileName(files[i]))}".PadRight(Math.Min(Console.WindowWidth - 1, 100)));
            }

            var report = RunOne(files[i], run);
            if (showProgress)
            {
                error.Write('\r' + new string(' ', Math.Min(Console.WindowWidth - 1, 100)) + '\r');
            }

            if (!report.Accepted)
            {
                rejected++;
            }

            ReportFormatter.WriteText(report, output, storing);
        }

        output.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{acceptedBefore + files.Count - rejected} accepted, {rejectedBefore + rejected} rejected."));
        return rejected + rejectedBefore == 0 ? 0 : 1;
    }
}
