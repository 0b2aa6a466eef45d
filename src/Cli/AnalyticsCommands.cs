using System.CommandLine;
using CchcAnalytics.Analytics;
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
        var province = new Option<string>("--province") { Description = "Province slug.", DefaultValueFactory = _ => "thanh-hoa" };
        var level = new Option<string>("--level") { Description = "district, commune or department.", DefaultValueFactory = _ => "district" };
        var format = Format("text", "json", "csv");
        var command = new Command("rank", "Rank the units of a year (standard competition ranking, ties shown as đồng hạng).") { year, db, province, level, format };
        command.SetAction(result => WithData(result.GetValue(db)!, error, data =>
        {
            var ranking = Ranker.For(data, result.GetValue(year), result.GetValue(province)!, result.GetValue(level)!, AnalyticsOptions.Default);
            if (ranking.Units.Count == 0)
            {
                error.WriteLine($"No {result.GetValue(level)} unit of {result.GetValue(province)} has a total for {result.GetValue(year)} in the database.");
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
            using var connections = new DuckDbConnectionFactory(path);
            return run(IndexData.Load(new ScoreStore(connections)));
        }
        catch (DatabaseLockedException ex)
        {
            error.WriteLine(ex.Message);
            return 1;
        }
    }
}
