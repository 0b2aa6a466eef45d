namespace CchcAnalytics.Core;

/// <summary>The current submissions an export covers, in export order (year, unit, self before appraised), and their
/// criterion rows read lazily: <see cref="Rows"/> streams them from DuckDB a bounded chunk of submissions at a time,
/// so an export of any size holds only one chunk in memory (issue 15).</summary>
public sealed class CurrentRows
{
    private readonly Func<IReadOnlyList<Submission>, IEnumerable<ExportRow>> read;

    public CurrentRows(IReadOnlyList<Submission> submissions, Func<IReadOnlyList<Submission>, IEnumerable<ExportRow>> read)
    {
        Submissions = submissions;
        this.read = read;
    }

    /// <summary>The submissions, in export order.</summary>
    public IReadOnlyList<Submission> Submissions { get; }

    /// <summary>Whether any of them is generated sample data (the canonical CSV then has its <c>synthetic</c> column).</summary>
    public bool AnySynthetic => Submissions.Any(s => s.Synthetic && s.RowCount > 0);

    /// <summary>The years covered, in order.</summary>
    public IReadOnlyList<int> Years => Submissions.Select(s => s.Year).Distinct().Order().ToList();

    /// <summary>The rows of every submission, in export order (criteria in document order), read as they are enumerated;
    /// each enumeration reads the database again.</summary>
    public IEnumerable<ExportRow> Rows => read(Submissions);

    /// <summary>Only the submissions of one year.</summary>
    public CurrentRows OfYear(int year) => new(Submissions.Where(s => s.Year == year).ToList(), read);

    /// <summary>The submissions cut into parts, one year at a time, each of at most <paramref name="maxRows"/> rows (a
    /// unit-year bigger than that is a part of its own), never splitting a unit-year: files that each stay within the
    /// ingest limits, so an export of any size ingests again.</summary>
    public IReadOnlyList<CurrentRows> Split(int maxRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var parts = new List<CurrentRows>();
        foreach (var year in Submissions.GroupBy(s => s.Year))
        {
            var part = new List<Submission>();
            var rows = 0;
            foreach (var unitYear in year.GroupBy(s => s.UnitId))
            {
                var size = unitYear.Sum(s => s.RowCount);
                if (part.Count > 0 && rows + size > maxRows)
                {
                    parts.Add(new CurrentRows(part, read));
                    (part, rows) = ([], 0);
                }

                part.AddRange(unitYear);
                rows += size;
            }

            if (part.Count > 0)
            {
                parts.Add(new CurrentRows(part, read));
            }
        }

        return parts;
    }
}
