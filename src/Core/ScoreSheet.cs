using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CchcAnalytics.Core;

/// <summary>The content of one submission: one unit, one year, one stage, every criterion row and, for frameworks that
/// have them, the scores of the other components of the index (survey, bonus, penalty).</summary>
public sealed record ScoreSheet(string UnitId, int Year, Stage Stage, IReadOnlyList<Score> Scores)
{
    /// <summary>Scores of the framework's components other than the criteria tree, in file order; empty for most
    /// frameworks (see <see cref="Framework.Components"/>).</summary>
    public IReadOnlyList<ComponentScore> Components { get; init; } = [];

    /// <summary>Sum of the areas' stated maximum points.</summary>
    public decimal MaxTotal => Scores.Where(s => s.Level == CriterionLevel.Area).Sum(s => s.MaxPoints);

    /// <summary>Sum of the areas' stated points; null when any area has no points.</summary>
    public decimal? PointsTotal
    {
        get
        {
            var areas = Scores.Where(s => s.Level == CriterionLevel.Area).ToList();
            return areas.Count == 0 || areas.Any(a => a.Points is null) ? null : areas.Sum(a => a.Points!.Value);
        }
    }

    /// <summary>SHA-256 over the canonical content (unit, year, stage, and per row code, name, max, points,
    /// evidence; then the component scores, when there are any, so a sheet without them hashes as it always did). Equal
    /// for the same content whatever file format carried it, so re-ingest is a no-op.</summary>
    public string ComputeContentHash()
    {
        var builder = new StringBuilder();
        builder.Append(UnitId).Append('\u001f').Append(Year.ToString(CultureInfo.InvariantCulture))
            .Append('\u001f').Append(Stage.ToCode()).Append('\u001e');
        foreach (var score in Scores.OrderBy(s => s.Code, CriterionCode.Comparer))
        {
            builder.Append(score.Code).Append('\u001f')
                .Append(score.Name).Append('\u001f')
                .Append(Canonical(score.MaxPoints)).Append('\u001f')
                .Append(score.Points is { } p ? Canonical(p) : "").Append('\u001f')
                .Append(score.Evidence ?? "").Append('\u001e');
        }

        if (Components.Count > 0)
        {
            builder.Append('\u001d');
            foreach (var component in Components.OrderBy(c => c.Id, StringComparer.Ordinal))
            {
                builder.Append(component.Id).Append('\u001f')
                    .Append(component.Name).Append('\u001f')
                    .Append(Canonical(component.MaxPoints)).Append('\u001f')
                    .Append(component.Points is { } p ? Canonical(p) : "").Append('\u001e');
            }
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(builder.ToString())));
    }

    /// <summary>Invariant text of a decimal without trailing zeros ("15.50" → "15.5", "2.0" → "2").</summary>
    public static string Canonical(decimal value) =>
        (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
