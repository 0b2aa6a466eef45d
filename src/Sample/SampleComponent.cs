using System.Globalization;
using CchcAnalytics.Ingest.Reference;
using CsvHelper;
using CsvHelper.Configuration;

namespace CchcAnalytics.Sample;

/// <summary>A component of a framework's index besides its criteria tree, as a row of
/// <c>data/frameworks/components.csv</c>: the survey (<c>add</c>), bonus points (<c>bonus</c>) or penalty points
/// (<c>subtract</c>). The index is 100 × (Σ add + Σ bonus − Σ subtract) / Σ add applicable maxima (data/README.md).</summary>
/// <param name="FrameworkId">Framework it belongs to.</param>
/// <param name="Id">Component id, written as the row's <c>code</c>: <c>survey</c>, <c>bonus</c>, <c>penalty</c>.</param>
/// <param name="Name">Vietnamese name, written as the row's <c>name</c>.</param>
/// <param name="MaxPoints">Its maximum.</param>
/// <param name="Role"><c>add</c>, <c>bonus</c> or <c>subtract</c>.</param>
public sealed record SampleComponent(string FrameworkId, string Id, string Name, decimal MaxPoints, string Role)
{
    public const string Survey = "survey";
    public const string Bonus = "bonus";
    public const string Penalty = "penalty";

    /// <summary>The <c>level</c> of a component row in the canonical CSV.</summary>
    public const string RowLevel = "component";

    /// <summary>Reads <c>components.csv</c>, leaving out the <c>criteria</c> rows (the tree, never written as a row).
    /// Throws <see cref="ReferenceDataException"/> naming the line of a row it cannot use.</summary>
    public static IReadOnlyList<SampleComponent> Read(string path)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        var components = new List<SampleComponent>();
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var component = csv.GetField("component") ?? "";
            if (component == "criteria")
            {
                continue;
            }

            var role = csv.GetField("in_index") ?? "";
            if (role is not ("add" or "bonus" or "subtract")
                || !decimal.TryParse(csv.GetField("max_points"), NumberStyles.Number, CultureInfo.InvariantCulture, out var max))
            {
                throw new ReferenceDataException($"{path}, line {csv.Parser.RawRow}: component '{component}' needs max_points and in_index add, bonus or subtract.");
            }

            components.Add(new SampleComponent(csv.GetField("framework_id") ?? "", component, csv.GetField("name") ?? "", max, role));
        }

        return components;
    }
}
