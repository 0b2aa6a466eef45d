using System.CommandLine;
using CchcAnalytics.Analytics;
using CchcAnalytics.Charts;
using CchcAnalytics.Exports;
using CchcAnalytics.Core;
using CchcAnalytics.Storage;

namespace CchcAnalytics.Cli;

/// <summary><c>cchc report</c> and <c>cchc rank</c>: the analytics over an existing database.</summary>
internal static class AnalyticsCommands
{
    public static Command Report(TextWriter output, TextWriter error)
    {
        var db = CchcCli.DatabaseOption();
        var unit = new Option<string>("--unit") { Description = "Unit id or name (hoang-hoa, \"Hoằng Hóa\").", Required = true };
        var year = new Option<int>("--year") { Description = "Index year.", Required = true };
        var format = Format("text", "json");
        var command = new Command("report", "A unit's index, rank, areas against the province, weakest criteria, persistent weaknesses, appraisal gaps, path to the next rank, and findings.")
        {
            unit, year, db, format,
        };
        command.SetAction(result => WithData(result.GetValue(db)!, error, data =>
        {
            var wanted = result.GetValue(unit)!;
            var match = new UnitRegistry(data.Units).Resolve(wanted);
            if (match is null)
            {
                error.WriteLine($"Unknown unit '{wanted}'. Use an id from data/units.csv (e.g. hoang-hoa) or its Vietnamese name.");
                return 1;
            }

            var report = UnitReport.Build(data, match.Unit.Id, result.GetValue(year), AnalyticsOptions.Default);
            if (report is null)
            {
                error.WriteLine($"No score of {match.Unit.FullName} ({match.Unit.Id}) for {result.GetValue(year)} is in the database.");
                return 1;
            }

            if (result.GetValue(format) == "json")
            {
                output.WriteLine(AnalyticsFormatter.Json(report));
            }
            else
            {
                AnalyticsFormatter.Text(report, output);
            }

            return 0;
        }));
        return command;
    }

    public static Command Rank(TextWriter output, TextWriter error)
    {
        var db = CchcCli.DatabaseOption();
        var year = new Option<int>("--year") { Description = "Index year.", Required = true };
        var province = new Option<string?>("--province") { Description = "Province slug (default: the province of the database)." };
        var level = CchcCli.LevelOption();
        var format = Format("text", "json", "csv");
        var command = new Command("rank", "Rank the units of a year (standard competition ranking, ties shown as đồng hạng).") { year, db, province, level, format };
        command.SetAction(result => WithData(result.GetValue(db)!, error, data =>
        {
            var provinceId = result.GetValue(province) ?? DataScope.Province(data).Id;
            if (CchcCli.Level(data, provinceId, result.GetValue(level), result.GetValue(year), error) is not { } levelInfo)
            {
                return 2;
            }

            var ranking = Ranker.For(data, result.GetValue(year), provinceId, levelInfo.Id, AnalyticsOptions.Default);
            if (ranking.Units.Count == 0)
            {
                error.WriteLine($"No unit of level {levelInfo.Code} ({levelInfo.Id}) of {provinceId} has a total for {result.GetValue(year)} in the database. Years with data at that level: {string.Join(", ", data.Years(provinceId, levelInfo.Id))}.");
                return 1;
            }

            switch (result.GetValue(format))
            {
                case "json":
                    output.WriteLine(AnalyticsFormatter.Json(ranking));
                    break;
                case "csv":
                    AnalyticsFormatter.Csv(ranking, output);
                    break;
                default:
                    AnalyticsFormatter.Text(ranking, output);
                    break;
            }

            return 0;
        }));
        return command;
    }

    public static Command Charts(TextWriter output, TextWriter error)
    {
        var db = CchcCli.DatabaseOption();
        var year = new Option<int>("--year") { Description = "Index year.", Required = true };
        var unit = new Option<string?>("--unit") { Description = "Also the charts of this unit (id or name)." };
        var outDirectory = new Option<string>("--out") { Description = "Folder for the PNG, SVG and CSV files.", Required = true };
        var level = CchcCli.LevelOption();
        var command = new Command("charts", "Render the dashboard's charts of a year (and of one unit) as PNG, SVG and their data as CSV.") { year, unit, db, outDirectory, level };
        command.SetAction(result => WithData(result.GetValue(db)!, error, data =>
        {
            var y = result.GetValue(year);
            var province = DataScope.Province(data).Id;
            if (CchcCli.Level(data, province, result.GetValue(level), y, error) is not { } levelInfo)
            {
                return 2;
            }

            var requests = new List<(string Name, ChartRequest Request)>
            {
                ($"ranking-{y}", new ChartRequest(ChartKind.Ranking, y) { Province = province, Level = levelInfo.Id }),
                ($"area-distribution-{y}", new ChartRequest(ChartKind.AreaDistribution, y) { Province = province, Level = levelInfo.Id }),
                ($"heatmap-{y}", new ChartRequest(ChartKind.Heatmap, y) { Province = province, Level = levelInfo.Id }),
            };
            if (result.GetValue(unit) is { Length: > 0 } wanted)
            {
                var id = new UnitRegistry(data.Units).Resolve(wanted)?.Unit.Id ?? wanted;
                requests.Add(($"unit-trend-{id}", new ChartRequest(ChartKind.UnitTrend, null, [id])));
                requests.Add(($"unit-areas-{id}-{y}", new ChartRequest(ChartKind.UnitAreas, y, [id])));
                requests.Add(($"self-vs-appraised-{id}-{y}", new ChartRequest(ChartKind.SelfVsAppraised, y, [id])));
            }

            var folder = result.GetValue(outDirectory)!;
            Directory.CreateDirectory(folder);
            foreach (var (name, request) in requests)
            {
                ChartSpec spec;
                try
                {
                    spec = ChartFactory.Build(data, request, AnalyticsOptions.Default);
                }
                catch (ArgumentException ex)
                {
                    error.WriteLine($"{name}: {ex.Message}");
                    return 1;
                }

                File.WriteAllBytes(Path.Combine(folder, name + ".png"), ChartRenderer.Png(spec));
                File.WriteAllBytes(Path.Combine(folder, name + ".svg"), ChartRenderer.Svg(spec));
                File.WriteAllBytes(Path.Combine(folder, name + ".csv"), ChartRenderer.CsvBytes(spec));
                output.WriteLine($"wrote {Path.Combine(folder, name)}.png|.svg|.csv — {spec.Caption}");
            }

            return 0;
        }));
        return command;
    }

    public static Command Pack(TextWriter output, TextWriter error)
    {
        var db = CchcCli.DatabaseOption();
        var year = new Option<int>("--year") { Description = "Index year.", Required = true };
        var unit = new Option<string[]>("--unit") { Description = "Units to give a slide each (repeatable); default the top and bottom three.", AllowMultipleArgumentsPerToken = true };
        var outFile = new Option<string>("--out") { Description = "The .pptx file to write.", Required = true };
        var command = new Command("pack", "Write the meeting pack (PowerPoint) of a year: ranking, areas, shared weaknesses, unit findings, charts.") { year, unit, db, outFile };
        command.SetAction(result => WithData(result.GetValue(db)!, error, data =>
        {
            var registry = new UnitRegistry(data.Units);
            var units = (result.GetValue(unit) ?? []).Select(u => registry.Resolve(u)?.Unit.Id ?? u).ToList();
            var path = result.GetValue(outFile)!;
            var directory = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }

            using var memory = new MemoryStream();
            try
            {
                YearPack.Write(data, result.GetValue(year), units, memory, AnalyticsOptions.Default);
            }
            catch (ArgumentException ex)
            {
                error.WriteLine(ex.ParamName is { } name ? ex.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal) : ex.Message);
                return 1;
            }

            File.WriteAllBytes(path, memory.ToArray());
            output.WriteLine($"wrote {path} ({memory.Length / 1024} KB)");
            return 0;
        }));
        return command;
    }

    private static Option<string> Format(params string[] formats)
    {
        var option = new Option<string>("--format") { Description = string.Join(", ", formats) + ".", DefaultValueFactory = _ => formats[0] };
        option.AcceptOnlyFromAmong(formats);
        return option;
    }

    private static int WithData(string path, TextWriter error, Func<IndexData, int> run)
    {
        if (!File.Exists(path))
        {
            error.WriteLine($"Database '{path}' does not exist. Run 'cchc ingest data --db {path}' first.");
            return 1;
        }

        try
        {
            // Held open for the command: the analytics read rows on demand, each through its own connection.
            using var connections = new DuckDbConnectionFactory(path, holdOpen: true);
            return run(IndexData.Load(connections));
        }
        catch (DatabaseLockedException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }
}
